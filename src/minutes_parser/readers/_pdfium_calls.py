"""pdfium functions the PDF reader calls per character or per page object, without ctypes checks.

pypdfium2 declares each function's argument types, and ctypes checks every argument against them
on every call: for a handle, a type check that costs about as much as the call into pdfium
itself. The reader makes some 150,000 of these calls for 200 pages (character boxes, font
weights, page objects), so it calls the same functions through prototypes that declare no
argument types. Callers pass only ctypes values of the C types (``handle()`` for pdfium handles,
``ctypes.byref`` for out-parameters, C ``unsigned long`` values built once) and Python ints where
the C type is ``int``, which is what ctypes converts an int to.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

import pypdfium2.raw as pdfium_c

Unchecked = Callable[..., Any]


class Pointer(ctypes.c_void_p):
    """A pdfium handle returned by an unchecked call: a subclass of c_void_p stays a ctypes value
    (ctypes turns a plain c_void_p result into an int), so it can be passed on as it is."""


def _unchecked(function: Any, restype: Any = ctypes.c_int) -> Unchecked:
    address = ctypes.cast(function, ctypes.c_void_p).value
    prototype: Any = ctypes.CFUNCTYPE(restype)  # no argument types: none are checked
    call: Unchecked = prototype(address)
    return call


def handle(raw: object) -> ctypes.c_void_p:
    """A pypdfium2 handle (a typed ctypes pointer) as the untyped pointer the calls below take."""
    return ctypes.cast(raw, ctypes.c_void_p)  # type: ignore[arg-type]


# (textpage, char index) -> text index, -1 for a character left out of the text
text_index = _unchecked(pdfium_c.FPDFText_GetTextIndexFromCharIndex)
# (textpage, start, count, unsigned short* buffer) -> UTF-16 units written, with the NUL
get_text = _unchecked(pdfium_c.FPDFText_GetText)
# (textpage, index, FS_RECTF*) -> bool
loose_char_box = _unchecked(pdfium_c.FPDFText_GetLooseCharBox)
# (textpage, index) -> int
font_weight = _unchecked(pdfium_c.FPDFText_GetFontWeight)
# (textpage, index, buffer, c_ulong buffer length, int* flags) -> unsigned long
font_info = _unchecked(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong)
# (textpage, start, count) -> int
count_rects = _unchecked(pdfium_c.FPDFText_CountRects)
# (textpage, rect index, double* left, double* top, double* right, double* bottom) -> bool
get_rect = _unchecked(pdfium_c.FPDFText_GetRect)
# (page, index) -> page object
page_object = _unchecked(pdfium_c.FPDFPage_GetObject, Pointer)
# (page object) -> int
object_type = _unchecked(pdfium_c.FPDFPageObj_GetType)
# (page object, float* left, float* bottom, float* right, float* top) -> bool
object_bounds = _unchecked(pdfium_c.FPDFPageObj_GetBounds)
