# Static types for compiling core.py with Cython (setup.py). core.py stays plain Python and is the
# reference: these declarations change no behaviour, only let the compiled module keep tokens as C structs
# and loop counters as C integers. tests/test_extract_build.py checks the two give the same answers.
# A function declared cpdef here cannot hold a closure (Cython 3.3): core.py writes list comprehensions,
# not generator expressions or lambdas, inside them.
cimport cython
from cpython.unicode cimport (PyUnicode_READ_CHAR, PyUnicode_KIND, PyUnicode_1BYTE_DATA, PyUnicode_FromKindAndData,
                               PyUnicode_4BYTE_KIND)
from libc.string cimport memchr
from libc.stdlib cimport qsort
from cpython.mem cimport PyMem_Malloc, PyMem_Free


cdef inline Py_UCS4 _read(str t, Py_ssize_t i) noexcept:
    """t[i] for 0 <= i < len(t), read from the string's buffer (core.py: str.__getitem__ as plain Python)."""
    return PyUnicode_READ_CHAR(t, i)


cdef extern from "Python.h":
    void PyObject_GC_UnTrack(void* op)


cdef inline object _untracked(object o):
    """o, out of the garbage collector's lists (core.py: o as it is). For an object that can hold no
    reference cycle, as CPython itself does for a tuple of strings: the collector then never visits it."""
    PyObject_GC_UnTrack(<void*>o)
    return o


@cython.no_gc  # holds strings and numbers only: no cycles, so the garbage collector need not track tokens
cdef class Tok:
    cdef public Py_ssize_t start, end
    cdef public str digits, kind, word
    cdef public bint blocked, single
    cdef public Py_ssize_t wb

@cython.locals(toks=list, words=Py_ssize_t, keys=bytes, longest=Py_ssize_t, stride=Py_ssize_t, memo=dict, i=Py_ssize_t,
               s=Py_ssize_t, e=Py_ssize_t, n=Py_ssize_t, c0=Py_ssize_t, letters=Py_ssize_t, digits=Py_ssize_t, other=bint,
               ch=Py_UCS4, c=str, part=tuple, p=Py_ssize_t)
cpdef list _tokenise_chars(str t, Py_ssize_t ws, Py_ssize_t we, bint hint)

@cython.locals(c=str, wt=tuple, new=list)
cpdef object _chunk_outcome(str t, Py_ssize_t s, Py_ssize_t e)

# The tables of the chunk reader (module-level C variables: no look-up by name).
cdef bytes _CHUNK_CHILDREN, _CHUNK_ACCEPT, _CHUNK_LENGTHS, _CHUNK_CLASSES, _LOOKALIKE_CODES
cdef tuple _CHUNK_WORDS, _SEP_WORDS_TUPLE
cdef bytearray _PLAN

@cython.locals(x=Py_ssize_t, q=Py_ssize_t)
cdef inline Py_ssize_t _trie_next(const unsigned char* children, Py_ssize_t node, Py_ssize_t o) noexcept

cdef inline Py_ssize_t _digits_end(str t, Py_ssize_t i, Py_ssize_t e) noexcept

@cython.locals(node=Py_ssize_t, found=Py_ssize_t)
cdef Py_ssize_t _trie_longest(str t, Py_ssize_t i, Py_ssize_t e, const unsigned char* children,
                              const unsigned char* accept) noexcept

@cython.locals(n=Py_ssize_t, m=Py_ssize_t, plan=bytearray, k=Py_ssize_t, i=Py_ssize_t, count=Py_ssize_t, node=Py_ssize_t,
               j=Py_ssize_t)
cdef bytearray _fewest_pieces(str t, Py_ssize_t s, Py_ssize_t e, const unsigned char* children,
                              const unsigned char* accept)

@cython.locals(class_table=bytes, child_table=bytes, accept_table=bytes, length_table=bytes, classes=cython.p_uchar,
               children=cython.p_uchar, accept=cython.p_uchar, lengths=cython.p_uchar, n=Py_ssize_t, digits=Py_ssize_t,
               letters=Py_ssize_t, looks=Py_ssize_t, marks=int, i=Py_ssize_t, o=Py_ssize_t, cls=int, c=str, k=Py_ssize_t,
               info=tuple, w=tuple, cut=bint, short=bint, p=Py_ssize_t, plan=bytearray, m=Py_ssize_t, ends=list,
               j=Py_ssize_t, code_table=bytes, codes=cython.p_uchar, buf=cython.uchar[64], read=str)
cpdef bint _chunk_tokens(str t, Py_ssize_t s, Py_ssize_t e, list toks, Py_ssize_t wb) except -1

@cython.locals(tok=Tok)
cpdef Tok _new_tok(Py_ssize_t s, Py_ssize_t e, str digits, str kind, str word, Py_ssize_t wb)

@cython.locals(k=Py_ssize_t, words=Py_ssize_t, c=str, spans=list, toks=list, out=tuple, part=tuple, s=Py_ssize_t,
               e=Py_ssize_t)
cpdef list _tokenise(str t, Py_ssize_t ws, Py_ssize_t we)


@cython.locals(anchors=frozenset, table=bytes, keys=cython.p_uchar, lo=Py_ssize_t,
               hi=Py_ssize_t, longest=Py_ssize_t, stride=Py_ssize_t, one=cython.uint, one_mask=cython.uint,
               two=cython.uint, two_mask=cython.uint, gap=Py_ssize_t, zs=Py_ssize_t, last=Py_ssize_t,
               count=Py_ssize_t, s=Py_ssize_t, key=Py_ssize_t, odd=bint, hist=cython.uint, hint=bint, i=Py_ssize_t,
               ch=Py_UCS4, w=str)
cpdef bint _scan_anchors(str t, list zones, set hits)

@cython.locals(out=list, n=Py_ssize_t, k=Py_ssize_t, pos=Py_ssize_t, before=Py_UCS4, after=Py_UCS4, w=str, latin1=bint)
cpdef list _anchor_places(str t, hits)

# The one-byte loops (a text of one byte per character read through a pointer to its characters).
@cython.locals(k=Py_ssize_t, end=Py_ssize_t, q=Py_ssize_t)
cdef Py_ssize_t _table_index(const unsigned char* b, Py_ssize_t s, Py_ssize_t length, const unsigned char* slots,
                             const unsigned char* ends, const unsigned char* blob, Py_ssize_t stride,
                             const unsigned char* codes) noexcept

@cython.locals(class_table=bytes, code_table=bytes, length_table=bytes, tail_table=bytes, cls=cython.p_uchar,
               codes=cython.p_uchar, lengths=cython.p_uchar, tails=cython.p_uchar, gap=Py_ssize_t, state=Py_ssize_t[9],
               zone_buffer=Py_ssize_t[96], word_buffer=Py_ssize_t[64], k=Py_ssize_t)
cdef bint _scan_latin1(str t, const unsigned char* b, Py_ssize_t n, list zones, set hits) except -1

@cython.locals(table=tuple, slot_table=bytes, end_table=bytes, blob_table=bytes, ordered=tuple, hi=Py_ssize_t,
               code_table=bytes, codes=cython.p_uchar, slots=cython.p_uchar, ends=cython.p_uchar, blob=cython.p_uchar,
               anchors=frozenset, k=Py_ssize_t, s=Py_ssize_t, e=Py_ssize_t, j=Py_ssize_t, w=str)
cdef _look_up_latin1(str t, const unsigned char* b, Py_ssize_t* words, Py_ssize_t count, set hits)

@cython.locals(class_table=bytes, code_table=bytes, length_table=bytes, tail_table=bytes, cls=cython.p_uchar,
               codes=cython.p_uchar, lengths=cython.p_uchar, tails=cython.p_uchar, gap=Py_ssize_t, room=Py_ssize_t,
               zones=cython.p_Py_ssize_t, merged=cython.p_Py_ssize_t, zone_stack=Py_ssize_t[96],
               merge_stack=Py_ssize_t[96], state=Py_ssize_t[9], word_buffer=Py_ssize_t[64], count=Py_ssize_t, hits=set,
               words=list, extra=list)
cdef list _windows_latin1(str t, const unsigned char* b, Py_ssize_t n)

@cython.locals(gap=Py_ssize_t, out=Py_ssize_t, gs=Py_ssize_t, ge=Py_ssize_t, gm=Py_ssize_t, j=Py_ssize_t, k=Py_ssize_t,
               x=Py_ssize_t, s=Py_ssize_t, e=Py_ssize_t, m=Py_ssize_t, key=Py_ssize_t)
cdef Py_ssize_t _merge_latin1(Py_ssize_t* zones, Py_ssize_t count, list extra, Py_ssize_t* merged) except -1

@cython.locals(need=Py_ssize_t, alnum_table=bytes, alnum=cython.p_uchar, out=list, wa=Py_ssize_t, wb=Py_ssize_t,
               wm=Py_ssize_t, j=Py_ssize_t, ws=Py_ssize_t, we=Py_ssize_t, mass=Py_ssize_t, a=Py_ssize_t, e=Py_ssize_t)
cdef list _grow_latin1(str t, const unsigned char* b, Py_ssize_t n, Py_ssize_t* zones, Py_ssize_t count)

@cython.locals(i=Py_ssize_t, s=Py_ssize_t, odd=bint, zs=Py_ssize_t, last=Py_ssize_t, count=Py_ssize_t, hint=bint,
               zones=Py_ssize_t, words=Py_ssize_t, c=int, r=Py_ssize_t, key=Py_ssize_t, fits=cython.uint)
cdef void _scan_run(const unsigned char* b, Py_ssize_t n, Py_ssize_t gap, const unsigned char* cls,
                    const unsigned char* codes, const unsigned char* lengths, const unsigned char* tails,
                    Py_ssize_t hi, Py_ssize_t longest, Py_ssize_t* state, Py_ssize_t* zone_buffer,
                    Py_ssize_t zone_room, Py_ssize_t* word_buffer, Py_ssize_t word_room) noexcept

@cython.locals(rarity_table=bytes, rarity=cython.p_uchar, off=Py_ssize_t, q=Py_ssize_t, c=int, p=Py_ssize_t,
               found=Py_ssize_t)
cdef _places_latin1(const unsigned char* b, Py_ssize_t n, str w, const unsigned char* wb, Py_ssize_t k, list out)

cdef Py_ssize_t _slice_bounds(Py_ssize_t i, Py_ssize_t n) noexcept

@cython.locals(table=tuple, slot_table=bytes, end_table=bytes, blob_table=bytes, ordered=tuple, class_table=bytes,
               code_table=bytes, cls=cython.p_uchar, codes=cython.p_uchar, slots=cython.p_uchar, ends=cython.p_uchar,
               blob=cython.p_uchar, words=frozenset, lo=Py_ssize_t, hi=Py_ssize_t, plain_lo=Py_ssize_t,
               plain_hi=Py_ssize_t, count=Py_ssize_t, i=Py_ssize_t, s=Py_ssize_t, odd=bint, c=int)
cdef Py_ssize_t _homophones_latin1(str t, const unsigned char* b, Py_ssize_t ws, Py_ssize_t we) except -1

@cython.locals(head_table=bytes, tail_table=bytes, class_table=bytes, code_table=bytes, heads=cython.p_uchar,
               tails=cython.p_uchar, cls=cython.p_uchar, codes=cython.p_uchar, i=Py_ssize_t, c=int, s=Py_ssize_t,
               letter=bint, digit=bint)
cdef bint _glued_candidates_latin1(const unsigned char* b, Py_ssize_t start, Py_ssize_t end) noexcept

@cython.locals(alpha_table=bytes, alpha=cython.p_uchar, start=Py_ssize_t, end=Py_ssize_t, mass=Py_ssize_t)
cdef Py_ssize_t _glued_mass_latin1(str t, const unsigned char* b, Py_ssize_t n, Py_ssize_t ws, Py_ssize_t we) except -1

@cython.locals(class_table=bytes, cls=cython.p_uchar, prev=int, i=Py_ssize_t, c=int)
cdef bint _touch_latin1(const unsigned char* b, Py_ssize_t start, Py_ssize_t end) noexcept



cpdef bint _has_spaced_hint(str t, Py_ssize_t ws, Py_ssize_t we)

cpdef list _spaced_words(str t)

@cython.locals(out=list, spaced=object, p=Py_ssize_t, m=object)
cdef list _spaced_latin1(str t, const unsigned char* b, Py_ssize_t n)


@cython.locals(toks=list, si=Py_ssize_t, words=Py_ssize_t, s=Py_ssize_t, e=Py_ssize_t, ss=Py_ssize_t, se=Py_ssize_t,
               c=str, k=Py_ssize_t, tok=Tok)
cpdef list _tokenise_spaced(str t, Py_ssize_t ws, Py_ssize_t we, list spaced)

@cython.locals(c=str, pos=Py_ssize_t, w=tuple)
cpdef _classify_chunk(str t, Py_ssize_t s, Py_ssize_t e, list toks)

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, k=Py_ssize_t, best=list, ends=list)
cpdef _split_parts(str c)

@cython.locals(tk=Tok)
cpdef _plurals_stay_words(str text, list toks)

cpdef bint _lookalike_ok(str c)

cpdef bint _is_compound(str c)

cpdef bint _star82_glued(Tok tk, str t)

@cython.locals(s=Py_ssize_t, e=Py_ssize_t, n=Py_ssize_t)
cdef (Py_ssize_t, Py_ssize_t) _bang_edges(Tok tk, str t) except *

@cython.locals(table=bytes, gaps=cython.p_uchar, k=Py_ssize_t, ch=Py_UCS4)
cpdef bint _shape_gap_at(str t, Py_ssize_t lo, Py_ssize_t hi) except -1

@cython.locals(gap=str, letters=Py_ssize_t, newlines=Py_ssize_t, k=Py_ssize_t, ch=Py_UCS4, cls=int, prev=Py_UCS4,
               gap_table=bytes, gaps=cython.p_uchar)
cpdef int _link(str t, Tok a, Tok b, Py_ssize_t words_between)

@cython.locals(k=Py_ssize_t, tk=Tok, cut=Py_ssize_t, prefix=Tok, out=list)
cpdef list _split_prefixes(str t, list toks)

@cython.locals(tk=Tok, left=bint, right=bint)
cpdef bint _homophone_kept(list nums, list links, Py_ssize_t k)

cpdef bint _junk_run(str digits)

@cython.locals(one=Tok)
cpdef bint _lone_one(list nums, list links, Py_ssize_t i)

@cython.locals(n=Py_ssize_t, k=Py_ssize_t, q=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, total=Py_ssize_t,
               size=Py_ssize_t, code=Py_ssize_t, high=Py_ssize_t, low=Py_ssize_t, hom=Py_ssize_t, gaps=Py_ssize_t,
               start=Py_ssize_t, run=Py_ssize_t, lk=int, tight=int, wordgap=int, segd=list, tk=Tok, score=double,
               out=list)
cpdef list _ranges(list nums, list links)

@cython.locals(digits=str, prefix=str, first=Tok)
cpdef _range_candidate(str t, list nums, list links, Py_ssize_t i, Py_ssize_t j, double score, bint eleven)

@cython.locals(k=Py_ssize_t, ranges=list, out=list)
cpdef list _candidates(str t, list nums, list links)

@cython.locals(first=Tok)
cpdef bint _country_code(str t, list nums, list links, Py_ssize_t i, Py_ssize_t j) except -1

# The ranking on C arrays (compiled only; core.py's _chosen runs _ranked_candidates as plain Python).
# A range to order by score (_chosen_arrays, when it has too many scores to count them out) and qsort's
# comparison of two.
ctypedef struct _Ranked:
    double score
    int index
ctypedef _Ranked* _RankedPointer

@cython.locals(x=_RankedPointer, y=_RankedPointer)
cdef int _better(const void* a, const void* b) noexcept nogil

@cython.locals(n=Py_ssize_t, chosen=list, tight=int, wordgap=int, high=Py_ssize_t, low=Py_ssize_t, layout_table=bytes,
               layouts=cython.p_uchar, layout_max=Py_ssize_t, tp=cython.p_uchar, ints=cython.p_int,
               chars=cython.p_uchar, scores=cython.p_double, segd=cython.p_int, ri=cython.p_int, rj=cython.p_int,
               order=cython.p_int, spare=cython.p_int, sizes=cython.p_uchar,
               flags=cython.p_uchar, lks=cython.p_uchar, eleven=cython.p_uchar, k=Py_ssize_t, tk=Tok,
               start=Py_ssize_t, run=Py_ssize_t, q=Py_ssize_t, m=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t,
               total=Py_ssize_t, code=Py_ssize_t, hom=Py_ssize_t, gaps=Py_ssize_t, lk=int, size=Py_ssize_t,
               score=double, ranked=_RankedPointer, r=Py_ssize_t, free=bint, digits=str, prefix=str, res=tuple,
               nd=Py_ssize_t, last=Py_ssize_t, d=Py_ssize_t, e=Py_ssize_t, values=double[16], counts=Py_ssize_t[16], slots=Py_ssize_t[16])
cpdef list _chosen_arrays(str t, list nums, list links, bytearray taken)

@cython.locals(size=Py_ssize_t, k=Py_ssize_t, tk=Tok, d=str, c=Py_ssize_t, buf=Py_UCS4[16])
cdef str _range_digits(list nums, Py_ssize_t i, Py_ssize_t j, Py_ssize_t skip)

@cython.locals(k=Py_ssize_t)
cpdef bint _free(bytearray taken, Py_ssize_t i, Py_ssize_t j)

@cython.locals(tk=Tok, words_between=Py_ssize_t, broken=bint, nums=list, links=list, star_before=dict)
cdef tuple _number_tokens(str t, list toks)

@cython.locals(tk=Tok, homophones=bint, keep=list, k=Py_ssize_t)
cdef bint _homophones_dropped(list nums, list links) except -1

@cython.locals(tk=Tok, nums=list, links=list, out=list, chosen=list,
               i=Py_ssize_t, j=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t, taken=bytearray, digits=str, prefix=str,
               extra=list, star_before=dict, k=Py_ssize_t)
cpdef list _scan_tokens(str text, str t, list toks)

@cython.locals(tk=Tok, bi=Py_ssize_t, k=Py_ssize_t, nb=Py_ssize_t, ts=Py_ssize_t, te=Py_ssize_t, lo=Py_ssize_t,
               hi=Py_ssize_t, toks=list, blocks=list, out=list, by_word=bint, blocked=list, matches=list,
               left=Py_ssize_t, starts=list, k0=Py_ssize_t, run=list, digits=str, end=Py_ssize_t, prev=Py_ssize_t)
cpdef list _scan_window(str text, str t, Py_ssize_t ws, Py_ssize_t we, Py_ssize_t mass)

cpdef bint _shape_gap_ok(str gap)

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, k=Py_ssize_t, m=Py_ssize_t, j=Py_ssize_t, a=Py_ssize_t, size=Py_ssize_t, marks=list,
               spans=list, wides=list, run=list, sub=list, edges=list, x=Tok, tk=Tok, cur=Tok, nxt=Tok, weak=bint,
               s0=Py_ssize_t, ws=Py_ssize_t, we=Py_ssize_t, lo=Py_ssize_t, hi=Py_ssize_t, s=Py_ssize_t, e=Py_ssize_t,
               ps=Py_ssize_t, word=str, plain=tuple)
cpdef _shaped_lookalikes(list toks, str t)

@cython.locals(i=Py_ssize_t, n=Py_ssize_t, tok=Tok, nxt=Tok, prev=Tok, merged=Tok, j=Py_ssize_t, out=list, weak=bint,
               gap=str, tail=str)
cpdef list _merge_words(list toks, str t)

@cython.locals(zones=list, hits=set, hint=bint, words=list)
cpdef list _windows(str t)

cpdef list _word_masses(list words)

@cython.locals(gap=Py_ssize_t, extra=list, merged=list, j=Py_ssize_t, k=Py_ssize_t, s=Py_ssize_t, e=Py_ssize_t,
               m=Py_ssize_t, gs=Py_ssize_t, ge=Py_ssize_t, gm=Py_ssize_t, n=Py_ssize_t, x=Py_ssize_t, z=Py_ssize_t,
               key=Py_ssize_t)
cpdef list _merged_zones(list zones, list words)

cdef (Py_ssize_t, Py_ssize_t, Py_ssize_t) _joined(list out, Py_ssize_t wa, Py_ssize_t wb, Py_ssize_t wm, Py_ssize_t a,
                                                 Py_ssize_t e, Py_ssize_t mass)

@cython.locals(need=Py_ssize_t, n=Py_ssize_t, out=list, wa=Py_ssize_t, wb=Py_ssize_t, wm=Py_ssize_t, j=Py_ssize_t,
               ws=Py_ssize_t, we=Py_ssize_t, mass=Py_ssize_t, a=Py_ssize_t, b=Py_ssize_t, ch=Py_UCS4)
cpdef list _grown_windows(str t, list zones)

cpdef list _word_anchors(str t)

@cython.locals(words=frozenset, lo=Py_ssize_t, hi=Py_ssize_t, count=Py_ssize_t, s=Py_ssize_t, i=Py_ssize_t, ch=Py_UCS4,
               n=Py_ssize_t)
cpdef Py_ssize_t _homophones(str t, Py_ssize_t ws, Py_ssize_t we)

cpdef Py_ssize_t _char_code(Py_UCS4 ch)

@cython.locals(head_table=bytes, tail_table=bytes, heads=cython.p_uchar, tails=cython.p_uchar, s=Py_ssize_t, letter=bint,
               digit=bint, i=Py_ssize_t, ch=Py_UCS4, c0=Py_UCS4, c1=Py_UCS4, c2=Py_UCS4, d0=Py_UCS4, d1=Py_UCS4,
               d2=Py_UCS4, n=Py_ssize_t)
cpdef bint _glued_candidates(str t, Py_ssize_t start, Py_ssize_t end)

@cython.locals(n=Py_ssize_t, mass=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t)
cpdef Py_ssize_t _glued_mass(str t, Py_ssize_t ws, Py_ssize_t we)

@cython.locals(b=bytes)
cpdef Py_ssize_t _digit_count(str s)

@cython.locals(b=bytes, n=Py_ssize_t, prev=int, cls=int, ch=Py_UCS4)
cpdef Py_ssize_t _glued(str s)

@cython.locals(t=str, found=list, ws=Py_ssize_t, we=Py_ssize_t, mass=Py_ssize_t)
cpdef list find_all(text)

# The kinds of a number as bits of a C int (module-level C constants), turned into the sorted tuple of names
# at the end; gaps and case read by character loops.
cdef int _K_PLUS1_PREFIX, _K_CASE_SPACING, _K_LEET, _K_HOMOPHONE, _K_LOOKALIKE, _K_SPELLED, _K_SPELLED_MIXED
cdef int _K_SPACED_DIGITS, _K_SPLIT_WORDS, _K_LINE_BREAK, _K_WORD_SEPARATOR, _K_ODD_SEPARATOR, _K_KEYCAP
cdef int _K_EMOJI_SEPARATOR, _K_PLAIN, _PREFIX_MASK, _K_UNICODE_FULLWIDTH, _K_UNICODE_MATH, _K_UNICODE_CIRCLED
cdef int _K_SUPERSCRIPT

@cython.locals(k=Py_ssize_t, tk=Tok, kind=str, mask=int, wordish=bint, all_wordish=bint, digit_token=bint,
               singles=Py_ssize_t, n=Py_ssize_t, a=Py_ssize_t, b=Py_ssize_t, name=str)
cpdef tuple _kinds(str text, str t, list toks, list links, Py_ssize_t i, Py_ssize_t j, str prefix, tuple extra)

@cython.locals(kinds=tuple)
cpdef tuple _mask_kinds(int mask)

@cython.locals(up=Py_ssize_t, low=Py_ssize_t, title=bint, cased=bint, k=Py_ssize_t, ch=Py_UCS4, orig=str)
cpdef bint _case_kept(str text, Py_ssize_t s, Py_ssize_t e)

@cython.locals(table=bytes, classes=cython.p_uchar, mask=int, letters=bint, prev=Py_UCS4, i=Py_ssize_t, ch=Py_UCS4,
               cls=int, gap=str)
cpdef int _gap_kinds(str t, Py_ssize_t a, Py_ssize_t b) except -1

@cython.locals(table=bytes, ascii_seps=cython.p_uchar, separator=bint, ch=Py_UCS4, cp=Py_ssize_t, ck=str)
cpdef int _unicode_kinds(str seg, int mask) except -1

cpdef bint _leet(str word) except -1

@cython.locals(key=Py_ssize_t, same=bint, k=Py_ssize_t, ch=Py_UCS4)
cpdef tuple classify_digits(str d)

cdef bytes _EXCHANGE_TABLE
cdef bint _EXCHANGE_TABLE_READ

@cython.locals(v=cython.uchar)
cpdef tuple _exchange_verdict(str d, Py_ssize_t key)

@cython.locals(parts=list)
cpdef str _normalise(str text)

@cython.locals(n=Py_ssize_t, buf=cython.p_Py_UCS4, table=dict, i=Py_ssize_t, c=cython.uint)
cpdef str _translated(str text)

@cython.locals(n=Py_ssize_t, k=Py_ssize_t, tk=Tok, left_apart=bint, right_apart=bint)
cpdef _homophones_apart(list toks)

# The distractor scanner (BLOCK_RE and BLOCK_WORD_RE by one pass over the characters): the window as a
# pointer to Latin-1 bytes, C integers only. The trie's tables are module-level C variables (bytes indexed
# in C, not looked up by name). The helpers read within bounds and raise nothing: noexcept.
cdef bytes _TRIE_SYMBOLS, _TRIE_NEXT, _TRIE_ACCEPT
cdef Py_ssize_t _TRIE_STRIDE
cdef int _UNIT_WORD, _STREET_WORD

cdef bint _digit(const unsigned char* b, Py_ssize_t i, Py_ssize_t n) noexcept
cdef bint _letter(const unsigned char* b, Py_ssize_t i, Py_ssize_t n) noexcept
cdef bint _other(const unsigned char* b, Py_ssize_t i, Py_ssize_t n) noexcept
cdef bint _is(const unsigned char* b, Py_ssize_t i, Py_ssize_t n, int c) noexcept

@cython.locals(k=Py_ssize_t)
cdef bint _has(const unsigned char* b, Py_ssize_t i, Py_ssize_t n, const char* s) noexcept

@cython.locals(k=Py_ssize_t)
cdef Py_ssize_t _digits(const unsigned char* b, Py_ssize_t i, Py_ssize_t n, Py_ssize_t cap) noexcept

@cython.locals(k=Py_ssize_t)
cdef Py_ssize_t _letters(const unsigned char* b, Py_ssize_t i, Py_ssize_t n, Py_ssize_t cap) noexcept

@cython.locals(symbols=cython.p_uchar, nxt=cython.p_uchar, accept=cython.p_uchar, s=Py_ssize_t, c=int)
cdef bint _trie_word(const unsigned char* b, Py_ssize_t i, Py_ssize_t n, int bit, bint digit_ends) noexcept

cdef bint _unit_at(const unsigned char* b, Py_ssize_t i, Py_ssize_t n) noexcept

@cython.locals(j=Py_ssize_t, k=Py_ssize_t, w=int)
cdef bint _street_at(const unsigned char* b, Py_ssize_t i, Py_ssize_t n) noexcept

@cython.locals(k=Py_ssize_t, w=int)
cdef Py_ssize_t _measurement_end(const unsigned char* b, Py_ssize_t i, Py_ssize_t n) noexcept

cdef bint _not_last_group(const unsigned char* b, Py_ssize_t p, Py_ssize_t n) noexcept

@cython.locals(q=Py_ssize_t, r=Py_ssize_t, i=Py_ssize_t, c=int, j=Py_ssize_t, k=Py_ssize_t, m=Py_ssize_t,
               y=Py_ssize_t)
cdef Py_ssize_t _block_at_digit(const unsigned char* b, Py_ssize_t p, Py_ssize_t n) noexcept

@cython.locals(c=int, k=Py_ssize_t, i=Py_ssize_t, m=Py_ssize_t)
cdef Py_ssize_t _block_word_at(const unsigned char* b, Py_ssize_t p, Py_ssize_t n) noexcept

@cython.locals(c=int)
cdef bint _keyword_run(const unsigned char* b, Py_ssize_t s, Py_ssize_t m) noexcept

@cython.locals(k=Py_ssize_t, digits=Py_ssize_t, glued=Py_ssize_t, window_glued=Py_ssize_t, block_from=Py_ssize_t,
               word_from=Py_ssize_t, p=Py_ssize_t, c=int, s=Py_ssize_t, e=Py_ssize_t, i=Py_ssize_t, m=Py_ssize_t,
               prev=int, cls=int)
cdef (Py_ssize_t, Py_ssize_t, Py_ssize_t, Py_ssize_t) _distractor_pass(const unsigned char* b, Py_ssize_t n,
                                                                        Py_ssize_t ws, Py_ssize_t* buf,
                                                                        Py_ssize_t room, list out)

# A string of one byte a character (PyUnicode_1BYTE_KIND: its characters are its Latin-1 bytes) is read in
# place; buf keeps the spans as C integers until the window is known to stay.
from cpython.unicode cimport PyUnicode_KIND, PyUnicode_DATA, PyUnicode_1BYTE_KIND

@cython.locals(lo=Py_ssize_t, window=bytes, b=cython.p_uchar, buf=Py_ssize_t[32], out=list, k=Py_ssize_t,
               digits=Py_ssize_t, glued=Py_ssize_t, window_glued=Py_ssize_t, need=Py_ssize_t, left=Py_ssize_t,
               i=Py_ssize_t)
cpdef list _distractors(str t, Py_ssize_t ws, Py_ssize_t we, Py_ssize_t mass, bint reject)

cpdef list _distractor_spans(str t, Py_ssize_t ws, Py_ssize_t we)
