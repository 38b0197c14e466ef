"""Story summaries and the stream index as bytes, so the store can keep them without knowing
what they hold. ``numpy.savez`` with ``allow_pickle=False`` on load: arrays and a JSON header
only, nothing in a stored blob is ever executed."""

from __future__ import annotations

import io
import json
import math
from typing import Any

import numpy as np

from newsrecon.pipeline.story_members import Member
from newsrecon.pipeline.story_stream import StoryIndex, StoryState

_FORMAT = 1


def _pack(meta: dict[str, Any], **arrays: Any) -> bytes:
    buffer = io.BytesIO()
    header = np.frombuffer(json.dumps({"format": _FORMAT, **meta}).encode(), dtype=np.uint8)
    np.savez_compressed(buffer, meta=header, **arrays)
    return buffer.getvalue()


def _unpack(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    with np.load(io.BytesIO(data), allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    meta: dict[str, Any] = json.loads(arrays.pop("meta").tobytes().decode())
    if meta.get("format") != _FORMAT:
        raise ValueError(f"unknown story state format {meta.get('format')!r}")
    return meta, arrays


def _num(value: float) -> float | None:
    return None if math.isnan(value) else value


def _day(value: float | None) -> float:
    return math.nan if value is None else float(value)


def story_to_bytes(story: StoryState) -> bytes:
    meta = {
        "story_id": story.story_id,
        "founder": story.founder,
        "size": story.size,
        "first_day": _num(story.first_day),
        "last_day": _num(story.last_day),
        "touched": story.touched,
        "opened": story.opened,
    }
    arrays: dict[str, Any] = {
        "terms": story.terms,
        "weights": story.weights,
        "entities": story.entities,
    }
    if story.embedding is not None:
        arrays["embedding"] = story.embedding
    if story.members is not None:
        meta["members"] = _members_to_arrays(story.members, arrays)
    return _pack(meta, **arrays)


def _members_to_arrays(members: list[Member], arrays: dict[str, Any]) -> list[Any]:
    """Members' vectors as concatenated arrays with offsets; ids, clocks and days in meta."""
    arrays["m_terms"] = np.concatenate([m.terms for m in members]).astype(np.int32)
    arrays["m_text"] = np.concatenate([m.text for m in members]).astype(np.float32)
    arrays["m_tptr"] = np.cumsum([0, *(len(m.terms) for m in members)]).astype(np.int64)
    arrays["m_ents"] = np.concatenate([m.entities for m in members]).astype(np.int32)
    arrays["m_eptr"] = np.cumsum([0, *(len(m.entities) for m in members)]).astype(np.int64)
    embedded = [m.embedding for m in members if m.embedding is not None]
    if embedded:
        arrays["m_emb"] = np.stack(embedded).astype(np.float32)
    return [[m.article_id, m.seq, _num(m.day), m.embedding is not None] for m in members]


def _members_from_arrays(rows: list[Any], arrays: dict[str, Any]) -> list[Member]:
    tptr, eptr = arrays["m_tptr"], arrays["m_eptr"]
    members, embedded = [], 0
    for i, (article_id, seq, day, has_emb) in enumerate(rows):
        embedding = None
        if has_emb:
            embedding = arrays["m_emb"][embedded].astype(np.float32)
            embedded += 1
        members.append(
            Member(
                str(article_id),
                int(seq),
                _day(day),
                arrays["m_terms"][tptr[i] : tptr[i + 1]].astype(np.int32),
                arrays["m_text"][tptr[i] : tptr[i + 1]].astype(np.float32),
                arrays["m_ents"][eptr[i] : eptr[i + 1]].astype(np.int32),
                embedding,
            )
        )
    return members


def story_from_bytes(data: bytes) -> StoryState:
    meta, arrays = _unpack(data)
    story = StoryState(
        meta["story_id"],
        meta["founder"],
        int(meta["size"]),
        _day(meta["first_day"]),
        _day(meta["last_day"]),
        arrays["terms"].astype(np.int32),
        arrays["weights"].astype(np.float32),
        arrays["entities"].astype(np.int32),
        arrays["embedding"].astype(np.float32) if "embedding" in arrays else None,
        int(meta["touched"]),
        int(meta["opened"]),
    )
    if "members" in meta:
        story.members = _members_from_arrays(meta["members"], arrays)
    story.refresh()
    return story


def index_to_bytes(index: StoryIndex) -> bytes:
    """The global part of the index (the open stories are stored one by one)."""
    meta = {
        "documents": index.documents,
        "newest_day": _num(index.newest_day),
        "clock": index.clock,
        "window_days": index.window_days,
        "weights": index.weights,
    }
    return _pack(meta, term_df=index.term_df, entity_df=index.entity_df)


def restore_index(
    data: bytes | None, stories: list[bytes], similarity: float, max_open: int
) -> StoryIndex:
    """An index resumed from stored state (a fresh one when ``data`` is None); the user's
    current ``similarity`` applies from now on."""
    if data is None:
        return StoryIndex(similarity=similarity, max_open=max_open)
    meta, arrays = _unpack(data)
    index = StoryIndex(
        similarity=similarity,
        window_days=float(meta["window_days"]),
        max_open=max_open,
        weights=dict(meta["weights"]),
        term_df=arrays["term_df"].astype(np.int32),
        entity_df=arrays["entity_df"].astype(np.int32),
        documents=int(meta["documents"]),
        newest_day=_day(meta["newest_day"]),
        clock=int(meta["clock"]),
    )
    for blob in stories:
        story = story_from_bytes(blob)
        index.open[story.story_id] = story
    return index
