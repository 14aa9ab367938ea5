/* builtins.c - the builtins namespace: print, len, min, open, the type
 * objects and the exception classes.
 *
 * Argument handling and messages follow CPython 3.11.  The arithmetic and
 * text work lives in runtime/ (num_round, str_ord ...); this file checks
 * arguments and dispatches.  print is the one hot path: it formats ints,
 * floats and strs straight into the file's buffer.
 */
#include "stdlib/stdlib.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/iter.h"

static ModuleObj *builtins_mod;
static StrObj *s_stdout, *s_sep, *s_end, *s_file, *s_flush, *s_key,
    *s_default, *s_reverse, *s_start, *s_space, *s_newline, *s_divmod,
    *s_rdivmod;

/* A keyword name from kwnames, compared by pointer first: names from
 * source are interned. */
static int kw_is(Value name, StrObj *want)
{
    StrObj *s = (StrObj *)AS_OBJ(name);
    return s == want || str_eq(s, want);
}

static Value bad_kw(Value name, const char *fname)
{
    return err_set(&exc_TypeError, "'%s' is an invalid keyword argument "
                   "for %s()", STR_CSTR((StrObj *)AS_OBJ(name)), fname);
}

static int kwcount(TupleObj *kwnames)
{
    return kwnames ? (int)kwnames->n : 0;
}

/* ================================================================ print */

typedef struct PrintOpts {
    StrObj *sep, *end;
    Value file;
    int flush;
} PrintOpts;

static int print_str_opt(Value v, StrObj **out, StrObj *dflt, const char *what)
{
    if (IS_NONE(v)) {
        *out = dflt;
        return 0;
    }
    if (!IS_OBJ(v) || !val_isinstance(v, &str_type)) {
        err_set(&exc_TypeError, "%s must be None or a string, not %s", what,
                val_type_name(v));
        return -1;
    }
    *out = (StrObj *)AS_OBJ(v);
    return 0;
}

static int print_options(Value *kwv, TupleObj *kwnames, PrintOpts *o)
{
    for (int i = 0; i < kwcount(kwnames); i++) {
        Value name = kwnames->items[i];
        int r = 0;
        if (kw_is(name, s_sep))
            r = print_str_opt(kwv[i], &o->sep, s_space, "sep");
        else if (kw_is(name, s_end))
            r = print_str_opt(kwv[i], &o->end, s_newline, "end");
        else if (kw_is(name, s_file))
            o->file = kwv[i];
        else if (kw_is(name, s_flush))
            r = (o->flush = obj_truthy(kwv[i])) < 0 ? -1 : 0;
        else
            r = IS_NULL(bad_kw(name, "print")) ? -1 : 0;
        if (r < 0)
            return -1;
    }
    return 0;
}

/* Append bytes for print, re-checking that the file is still open: a
 * __str__ called between two pieces may have closed it. */
static int print_bytes(FileObj *f, const char *p, size_t n, int *nl)
{
    if (f->flags & FILE_CLOSED) {
        err_set(&exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    if ((f->flags & FILE_LINEBUF) && memchr(p, '\n', n))
        *nl = 1;
    return file_write_raw(f, p, n);
}

/* str(v) into f: ints, floats, bools, None and strs without allocating. */
static int print_value(FileObj *f, Value v, int *nl)
{
    char buf[40];
    switch (v.tag) {
    case VT_INT:
        return print_bytes(f, buf, (size_t)num_int_to_buf(AS_INT(v), buf), nl);
    case VT_FLOAT:
        return print_bytes(f, buf, (size_t)num_float_repr_buf(AS_FLOAT(v), buf),
                           nl);
    case VT_BOOL:
        return AS_BOOL(v) ? print_bytes(f, "True", 4, nl)
                          : print_bytes(f, "False", 5, nl);
    case VT_NONE:
        return print_bytes(f, "None", 4, nl);
    default:
        break;
    }
    Value s = IS_TYPE(v, str_type) ? v : obj_str(v);
    if (IS_NULL(s))
        return -1;
    StrObj *so = (StrObj *)AS_OBJ(s);
    return print_bytes(f, STR_CSTR(so), so->nbytes, nl);
}

static Value print_to_file(FileObj *f, Value *args, int nargs, PrintOpts *o)
{
    if (f->flags & FILE_CLOSED)
        return err_set(&exc_ValueError, "I/O operation on closed file.");
    Value keep = V_OBJ(f);
    gc_root_push(&keep);
    int nl = 0, r = 0;
    for (int i = 0; i < nargs && r == 0; i++) {
        if (i > 0 && o->sep->nbytes)
            r = print_bytes(f, STR_CSTR(o->sep), o->sep->nbytes, &nl);
        if (r == 0)
            r = print_value(f, args[i], &nl);
    }
    if (r == 0)
        r = print_bytes(f, STR_CSTR(o->end), o->end->nbytes, &nl);
    if (r == 0)
        r = file_write_done(f, nl, o->flush);
    gc_root_pop(1);
    return r < 0 ? V_NULL : V_NONE;
}

/* Any object with a write method: one call per piece, as CPython does. */
static int write_to(Value file, Value s)
{
    gc_root_push(&s);
    Value r = obj_call_method(file, "write", &s, 1);
    gc_root_pop(1);
    return IS_NULL(r) ? -1 : 0;
}

static Value print_generic(Value file, Value *args, int nargs, PrintOpts *o)
{
    gc_root_push(&file);
    int r = 0;
    for (int i = 0; i < nargs && r == 0; i++) {
        if (i > 0)
            r = write_to(file, V_OBJ(o->sep));
        Value s = r == 0 ? obj_str(args[i]) : V_NULL;
        r = IS_NULL(s) ? -1 : write_to(file, s);
    }
    if (r == 0)
        r = write_to(file, V_OBJ(o->end));
    if (r == 0 && o->flush)
        r = IS_NULL(obj_call_method(file, "flush", NULL, 0)) ? -1 : 0;
    gc_root_pop(1);
    return r < 0 ? V_NULL : V_NONE;
}

static Value bi_print(Value *args, int nargs, TupleObj *kwnames)
{
    PrintOpts o = {s_space, s_newline, V_NONE, 0};
    if (kwnames && print_options(args + nargs, kwnames, &o) < 0)
        return V_NULL;
    Value file = o.file;
    if (IS_NONE(file)) {
        file = dict_get_str(std_sys_module()->base.dict, s_stdout);
        if (IS_NULL(file) || IS_NONE(file))
            return V_NONE; /* sys.stdout is None: print is a no-op */
    }
    if (file_check(file) &&
        (((FileObj *)AS_OBJ(file))->flags & (FILE_TEXT | FILE_WRITE)) ==
            (FILE_TEXT | FILE_WRITE))
        return print_to_file((FileObj *)AS_OBJ(file), args, nargs, &o);
    return print_generic(file, args, nargs, &o);
}

/* ================================================================ input */

static int flush_quietly(Value stream)
{
    if (IS_NULL(stream) || IS_NONE(stream))
        return 0;
    int r = file_check(stream)
                ? file_flush((FileObj *)AS_OBJ(stream))
                : (IS_NULL(obj_call_method(stream, "flush", NULL, 0)) ? -1 : 0);
    if (r < 0)
        err_clear();
    return 0;
}

static Value read_line_from(Value in)
{
    if (file_check(in)) {
        FileObj *f = (FileObj *)AS_OBJ(in);
        if (f->flags & FILE_CLOSED)
            return err_set(&exc_ValueError, "I/O operation on closed file.");
        return file_readline(f, -1);
    }
    return obj_call_method(in, "readline", NULL, 0);
}

/* The line without its newline, or EOFError for an empty read. */
static Value strip_newline(Value line)
{
    if (!IS_TYPE(line, str_type))
        return err_set(&exc_TypeError, "object.readline() returned non-string");
    StrObj *s = (StrObj *)AS_OBJ(line);
    if (s->nbytes == 0)
        return err_set(&exc_EOFError, "EOF when reading a line");
    if (s->data[s->nbytes - 1] == '\n')
        return V_OBJ(str_new(STR_CSTR(s), s->nbytes - 1));
    return line;
}

static Value input_with(Value in, Value out, Value *args, int nargs)
{
    flush_quietly(sys_get("stderr"));
    if (nargs == 1) {
        Value p = obj_str(args[0]);
        if (IS_NULL(p))
            return V_NULL;
        if (file_check(out)) {
            StrObj *ps = (StrObj *)AS_OBJ(p);
            if (file_write((FileObj *)AS_OBJ(out), STR_CSTR(ps), ps->nbytes) < 0)
                return V_NULL;
        } else if (write_to(out, p) < 0) {
            return V_NULL;
        }
    }
    flush_quietly(out);
    Value line = read_line_from(in);
    return IS_NULL(line) ? V_NULL : strip_newline(line);
}

int (*std_readline_hook)(const char *prompt, char **line);

/* CPython's test for reading with readline: sys.stdin and sys.stdout are
 * the process's descriptors 0 and 1, and both are terminals. */
static int input_on_tty(Value in, Value out)
{
    return std_readline_hook != NULL && file_check(in) && file_check(out) &&
           ((FileObj *)AS_OBJ(in))->fd == 0 &&
           ((FileObj *)AS_OBJ(out))->fd == 1 && isatty(0) && isatty(1);
}

/* input() on a terminal, as CPython's: the hook waits with signal
 * handlers running; an interrupted read with no exception set becomes
 * KeyboardInterrupt, and end of input a bare EOFError. */
static Value input_tty(Value out, Value *args, int nargs)
{
    flush_quietly(sys_get("stderr"));
    flush_quietly(out);
    Value p = nargs == 1 ? obj_str(args[0]) : V_OBJ(str_intern_cstr(""));
    if (IS_NULL(p))
        return V_NULL;
    char *line = NULL;
    /* Handlers run while the hook waits, so the prompt needs a root. */
    gc_root_push(&p);
    int r = std_readline_hook(STR_CSTR((StrObj *)AS_OBJ(p)), &line);
    gc_root_pop(1);
    if (r < 0)
        return err_occurred() ? V_NULL : err_set_exc(V_OBJ(&exc_KeyboardInterrupt));
    if (r == 0)
        return err_set_exc(V_OBJ(&exc_EOFError));
    Value res = str_decode((const uint8_t *)line, strlen(line), "utf-8",
                           "strict");
    free(line);
    return res;
}

static Value bi_input(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("input", kwnames) < 0 ||
        args_count("input", nargs, 0, 1) < 0)
        return V_NULL;
    Value in = sys_get("stdin"), out = sys_get("stdout");
    if (IS_NULL(in) || IS_NONE(in))
        return err_set(&exc_RuntimeError, "input(): lost sys.stdin");
    if (IS_NULL(out) || IS_NONE(out))
        return err_set(&exc_RuntimeError, "input(): lost sys.stdout");
    gc_root_push(&in);
    gc_root_push(&out);
    Value r = input_on_tty(in, out) ? input_tty(out, args, nargs)
                                    : input_with(in, out, args, nargs);
    gc_root_pop(2);
    return r;
}

/* ================================================================ simple */

/* The one-argument builtins: "NAME() takes exactly one argument (N given)". */
static int one_arg(const char *name, int nargs, TupleObj *kwnames)
{
    return args_no_kw(name, kwnames) < 0 || args_count(name, nargs, 1, 1) < 0
               ? -1 : 0;
}

static Value bi_len(Value *args, int nargs, TupleObj *kwnames)
{
    if (one_arg("len", nargs, kwnames) < 0)
        return V_NULL;
    int64_t n = obj_len(args[0]);
    return n < 0 ? V_NULL : V_INT(n);
}

static Value bi_repr(Value *args, int nargs, TupleObj *kwnames)
{
    return one_arg("repr", nargs, kwnames) < 0 ? V_NULL : obj_repr(args[0]);
}

static Value bi_ascii(Value *args, int nargs, TupleObj *kwnames)
{
    return one_arg("ascii", nargs, kwnames) < 0 ? V_NULL : str_ascii(args[0]);
}

static Value bi_abs(Value *args, int nargs, TupleObj *kwnames)
{
    return one_arg("abs", nargs, kwnames) < 0 ? V_NULL
                                              : obj_unop(args[0], UOP_ABS);
}

static Value bi_callable(Value *args, int nargs, TupleObj *kwnames)
{
    if (one_arg("callable", nargs, kwnames) < 0)
        return V_NULL;
    return V_BOOL(obj_is_callable(args[0]));
}

/* id(): the address for objects.  Values that live in the tag word have
 * no address; they get an odd number (object addresses are even) made from
 * the tag and payload, so equal-and-identical values share it as `is`
 * says they should. */
static Value bi_id(Value *args, int nargs, TupleObj *kwnames)
{
    if (one_arg("id", nargs, kwnames) < 0)
        return V_NULL;
    Value v = args[0];
    if (IS_OBJ(v))
        return V_INT((int64_t)(intptr_t)AS_OBJ(v));
    uint64_t bits = ((uint64_t)v.as.i * 0x9E3779B97F4A7C15ull) ^ v.tag;
    return V_INT((int64_t)((bits >> 2) | 1));
}

static Value bi_hash(Value *args, int nargs, TupleObj *kwnames)
{
    int64_t h;
    if (one_arg("hash", nargs, kwnames) < 0 || obj_hash(args[0], &h) < 0)
        return V_NULL;
    return V_INT(h);
}

static Value bi_ord(Value *args, int nargs, TupleObj *kwnames)
{
    if (one_arg("ord", nargs, kwnames) < 0)
        return V_NULL;
    Value v = args[0];
    if (IS_OBJ(v) && val_isinstance(v, &str_type)) {
        int64_t cp = str_ord((StrObj *)AS_OBJ(v));
        return cp < 0 ? V_NULL : V_INT(cp);
    }
    if (IS_OBJ(v) && val_isinstance(v, &bytes_type)) {
        BytesObj *b = (BytesObj *)AS_OBJ(v);
        if (b->n == 1)
            return V_INT(b->data[0]);
        return err_set(&exc_TypeError, "ord() expected a character, but "
                       "string of length %zu found", b->n);
    }
    return err_set(&exc_TypeError,
                   "ord() expected string of length 1, but %s found",
                   val_type_name(v));
}

static Value bi_chr(Value *args, int nargs, TupleObj *kwnames)
{
    int i;
    if (one_arg("chr", nargs, kwnames) < 0 || args_int(args[0], &i) < 0)
        return V_NULL;
    return str_from_codepoint(i);
}

/* hex/oct/bin: "-0x1f" for negatives, from the magnitude so INT64_MIN
 * works too. */
static Value int_in_base(Value *args, int nargs, TupleObj *kwnames,
                         const char *name, int shift, char letter)
{
    int64_t n;
    if (one_arg(name, nargs, kwnames) < 0 || num_as_index(args[0], &n) < 0)
        return V_NULL;
    uint64_t m = n < 0 ? -(uint64_t)n : (uint64_t)n;
    char buf[72];
    char *p = buf + sizeof buf;
    unsigned mask = (1u << shift) - 1;
    do {
        *--p = "0123456789abcdef"[m & mask];
        m >>= shift;
    } while (m);
    *--p = letter;
    *--p = '0';
    if (n < 0)
        *--p = '-';
    return V_OBJ(str_new(p, (size_t)(buf + sizeof buf - p)));
}

static Value bi_hex(Value *args, int nargs, TupleObj *kwnames)
{
    return int_in_base(args, nargs, kwnames, "hex", 4, 'x');
}

static Value bi_oct(Value *args, int nargs, TupleObj *kwnames)
{
    return int_in_base(args, nargs, kwnames, "oct", 3, 'o');
}

static Value bi_bin(Value *args, int nargs, TupleObj *kwnames)
{
    return int_in_base(args, nargs, kwnames, "bin", 1, 'b');
}

/* ================================================================ numbers */

static Value bi_round(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"number", "ndigits"};
    Value a[2];
    if (args_bind("round", args, nargs, kwnames, names, 2, 2, 1, a) < 0)
        return V_NULL;
    return num_round(a[0], a[1]);
}

/* a.__divmod__(b), then b.__rdivmod__(a), for classes that define them. */
static Value divmod_dunder(Value a, Value b)
{
    Value f = type_lookup(val_type(a), s_divmod);
    if (!IS_NULL(f)) {
        Value r = obj_call2(f, a, b);
        if (IS_NULL(r) || !IS_NOTIMPL(r))
            return r;
    }
    f = type_lookup(val_type(b), s_rdivmod);
    if (!IS_NULL(f)) {
        Value r = obj_call2(f, b, a);
        if (IS_NULL(r) || !IS_NOTIMPL(r))
            return r;
    }
    return err_set(&exc_TypeError, "unsupported operand type(s) for divmod(): "
                   "'%s' and '%s'", val_type_name(a), val_type_name(b));
}

static Value bi_divmod(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("divmod", kwnames) < 0 ||
        args_count("divmod", nargs, 2, 2) < 0)
        return V_NULL;
    Value r = num_divmod(args[0], args[1]);
    if (IS_NULL(r) || !IS_NOTIMPL(r))
        return r;
    return divmod_dunder(args[0], args[1]);
}

static Value bi_pow(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod"};
    Value a[3];
    if (nargs > 3 && kwcount(kwnames) == 0)
        return err_set(&exc_TypeError,
                       "pow() takes at most 3 arguments (%d given)", nargs);
    if (nargs < 2 && kwcount(kwnames) == 0)
        return err_set(&exc_TypeError,
                       "pow() missing required argument '%s' (pos %d)",
                       nargs == 0 ? "base" : "exp", nargs + 1);
    if (args_bind("pow", args, nargs, kwnames, names, 3, 3, 2, a) < 0)
        return V_NULL;
    if (IS_NULL(a[2]) || IS_NONE(a[2]))
        return obj_binop(a[0], a[1], BOP_POW);
    return num_pow(a[0], a[1], a[2]);
}

/* ============================================================ iteration */

typedef struct MinMaxArgs {
    Value key, dflt;
} MinMaxArgs;

static int minmax_options(Value *kwv, TupleObj *kwnames, const char *name,
                          MinMaxArgs *o)
{
    for (int i = 0; i < kwcount(kwnames); i++) {
        Value k = kwnames->items[i];
        if (kw_is(k, s_key))
            o->key = IS_NONE(kwv[i]) ? V_NULL : kwv[i];
        else if (kw_is(k, s_default))
            o->dflt = kwv[i];
        else
            return IS_NULL(bad_kw(k, name)) ? -1 : 0;
    }
    return 0;
}

/* The loop of min/max over an iterator (or the positional arguments when
 * it is V_NULL).  v[0] best, v[1] its key, v[2] item, v[3] item's key:
 * all rooted, since key functions and comparisons run script code. */
static int minmax_loop(Value it, Value *args, int nargs, Value key, int op,
                       Value *v)
{
    for (int i = 0;;) {
        if (!IS_NULL(it)) {
            v[2] = obj_next(it);
            if (IS_NULL(v[2]))
                return err_occurred() ? -1 : 0;
        } else {
            if (i >= nargs)
                return 0;
            v[2] = args[i++];
        }
        v[3] = IS_NULL(key) ? v[2] : obj_call1(key, v[2]);
        if (IS_NULL(v[3]))
            return -1;
        int better = IS_NULL(v[0]) ? 1 : obj_richcmp_bool(v[3], v[1], op);
        if (better < 0)
            return -1;
        if (better) {
            v[0] = v[2];
            v[1] = v[3];
        }
    }
}

static Value minmax(Value *args, int nargs, TupleObj *kwnames, int op,
                    const char *name)
{
    MinMaxArgs o = {V_NULL, V_NULL};
    if (minmax_options(args + nargs, kwnames, name, &o) < 0)
        return V_NULL;
    if (nargs == 0)
        return err_set(&exc_TypeError,
                       "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && !IS_NULL(o.dflt))
        return err_set(&exc_TypeError, "Cannot specify a default for %s() "
                       "with multiple positional arguments", name);
    Value v[5] = {V_NULL, V_NULL, V_NULL, V_NULL, V_NULL};
    if (nargs == 1 && IS_NULL(v[4] = obj_iter(args[0])))
        return V_NULL;
    for (int i = 0; i < 5; i++)
        gc_root_push(&v[i]);
    int r = minmax_loop(v[4], args, nargs, o.key, op, v);
    gc_root_pop(5);
    if (r < 0)
        return V_NULL;
    if (!IS_NULL(v[0]))
        return v[0];
    if (!IS_NULL(o.dflt))
        return o.dflt;
    return err_set(&exc_ValueError, "%s() arg is an empty sequence", name);
}

static Value bi_min(Value *args, int nargs, TupleObj *kwnames)
{
    return minmax(args, nargs, kwnames, CMP_LT, "min");
}

static Value bi_max(Value *args, int nargs, TupleObj *kwnames)
{
    return minmax(args, nargs, kwnames, CMP_GT, "max");
}

/* One step of sum: ints and floats added inline, the rest by `+`. */
static Value sum_add(Value acc, Value item)
{
    int64_t r;
    if (IS_INT(acc) && IS_INT(item) &&
        !__builtin_add_overflow(AS_INT(acc), AS_INT(item), &r))
        return V_INT(r);
    if (IS_FLOAT(acc) && IS_FLOAT(item))
        return V_FLOAT(AS_FLOAT(acc) + AS_FLOAT(item));
    return obj_binop(acc, item, BOP_ADD);
}

static int sum_start(Value *args, int nargs, TupleObj *kwnames, Value *start)
{
    if (nargs + kwcount(kwnames) > 2) {
        err_set(&exc_TypeError, "sum() takes at most 2 arguments (%d given)",
                nargs + kwcount(kwnames));
        return -1;
    }
    if (nargs == 0) {
        err_set(&exc_TypeError,
                "sum() takes at least 1 positional argument (0 given)");
        return -1;
    }
    *start = nargs == 2 ? args[1] : V_INT(0);
    for (int i = 0; i < kwcount(kwnames); i++) {
        if (!kw_is(kwnames->items[i], s_start))
            return IS_NULL(bad_kw(kwnames->items[i], "sum")) ? -1 : 0;
        *start = args[nargs + i];
    }
    return 0;
}

static Value bi_sum(Value *args, int nargs, TupleObj *kwnames)
{
    Value v[3]; /* accumulator, iterator, item */
    if (sum_start(args, nargs, kwnames, &v[0]) < 0)
        return V_NULL;
    if (IS_OBJ(v[0]) && val_isinstance(v[0], &str_type))
        return err_set(&exc_TypeError,
                       "sum() can't sum strings [use ''.join(seq) instead]");
    if (IS_OBJ(v[0]) && val_isinstance(v[0], &bytes_type))
        return err_set(&exc_TypeError,
                       "sum() can't sum bytes [use b''.join(seq) instead]");
    v[1] = obj_iter(args[0]);
    if (IS_NULL(v[1]))
        return V_NULL;
    v[2] = V_NULL;
    for (int i = 0; i < 3; i++)
        gc_root_push(&v[i]);
    while (!IS_NULL(v[2] = obj_next(v[1])) && !IS_NULL(v[0]))
        v[0] = sum_add(v[0], v[2]);
    gc_root_pop(3);
    return err_occurred() ? V_NULL : v[0];
}

static Value bi_sorted(Value *args, int nargs, TupleObj *kwnames)
{
    Value key = V_NULL;
    int64_t reverse = 0;
    if (nargs != 1)
        return err_set(&exc_TypeError, "sorted expected 1 argument, got %d",
                       nargs);
    for (int i = 0; i < kwcount(kwnames); i++) {
        Value k = kwnames->items[i], v = args[nargs + i];
        if (kw_is(k, s_key))
            key = IS_NONE(v) ? V_NULL : v;
        else if (kw_is(k, s_reverse)) {
            if (args_int64(v, &reverse) < 0)
                return V_NULL;
        } else
            return bad_kw(k, "sort");
    }
    Value l = list_from_iter(args[0]);
    if (IS_NULL(l))
        return V_NULL;
    gc_root_push(&l);
    int r = list_sort((ListObj *)AS_OBJ(l), key, reverse != 0);
    gc_root_pop(1);
    return r < 0 ? V_NULL : l;
}

/* any (want 1) and all (want 0): stop at the first item whose truth is
 * `want`. */
static Value any_all(Value *args, int nargs, TupleObj *kwnames,
                     const char *name, int want)
{
    if (one_arg(name, nargs, kwnames) < 0)
        return V_NULL;
    Value it = obj_iter(args[0]), item = V_NULL;
    if (IS_NULL(it))
        return V_NULL;
    gc_root_push(&it);
    int found = 0;
    while (!found && !IS_NULL(item = obj_next(it))) {
        int t = obj_truthy(item);
        if (t < 0)
            break;
        found = t == want;
    }
    gc_root_pop(1);
    if (!found && err_occurred())
        return V_NULL;
    return V_BOOL(found ? want : !want);
}

static Value bi_any(Value *args, int nargs, TupleObj *kwnames)
{
    return any_all(args, nargs, kwnames, "any", 1);
}

static Value bi_all(Value *args, int nargs, TupleObj *kwnames)
{
    return any_all(args, nargs, kwnames, "all", 0);
}

static Value bi_iter(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("iter", kwnames) < 0 || args_count("iter", nargs, 1, 2) < 0)
        return V_NULL;
    if (nargs == 1)
        return obj_iter(args[0]);
    if (!obj_is_callable(args[0]))
        return err_set(&exc_TypeError, "iter(v, w): v must be callable");
    return iter_callable_new(args[0], args[1]);
}

/* A generator's next slot drops its return value (for loops ignore it),
 * but next(gen) must raise StopIteration(value): call its __next__
 * method, which keeps it. */
static Value next_keeping_value(Value it)
{
    if (IS_TYPE(it, gen_type)) {
        Value m = type_lookup(&gen_type, rt_names.next);
        if (!IS_NULL(m))
            return obj_call1(m, it);
    }
    return obj_next(it);
}

static Value bi_next(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("next", kwnames) < 0 || args_count("next", nargs, 1, 2) < 0)
        return V_NULL;
    Value r = next_keeping_value(args[0]);
    if (!IS_NULL(r))
        return r;
    if (err_occurred()) {
        if (nargs == 2 && err_matches(&exc_StopIteration)) {
            err_clear();
            return args[1];
        }
        return V_NULL;
    }
    if (nargs == 2)
        return args[1];
    Value exc = exc_new(&exc_StopIteration, NULL, 0);
    return IS_NULL(exc) ? V_NULL : err_set_exc(exc);
}

/* ============================================================ attributes */

/* obj_attr_name in the int convention, to chain the argument checks. */
static int attr_name(Value v, StrObj **out)
{
    *out = obj_attr_name(v);
    return *out ? 0 : -1;
}

static Value bi_getattr(Value *args, int nargs, TupleObj *kwnames)
{
    StrObj *name;
    if (args_no_kw("getattr", kwnames) < 0 ||
        args_count("getattr", nargs, 2, 3) < 0 || attr_name(args[1], &name) < 0)
        return V_NULL;
    Value r = obj_getattr(args[0], name);
    if (IS_NULL(r) && nargs == 3 && err_matches(&exc_AttributeError)) {
        err_clear();
        return args[2];
    }
    return r;
}

static Value bi_hasattr(Value *args, int nargs, TupleObj *kwnames)
{
    StrObj *name;
    Value out;
    if (args_no_kw("hasattr", kwnames) < 0 ||
        args_count("hasattr", nargs, 2, 2) < 0 ||
        attr_name(args[1], &name) < 0 ||
        obj_lookup_attr(args[0], name, &out) < 0)
        return V_NULL;
    return V_BOOL(!IS_NULL(out));
}

static Value bi_setattr(Value *args, int nargs, TupleObj *kwnames)
{
    StrObj *name;
    if (args_no_kw("setattr", kwnames) < 0 ||
        args_count("setattr", nargs, 3, 3) < 0 ||
        attr_name(args[1], &name) < 0 || obj_setattr(args[0], name, args[2]) < 0)
        return V_NULL;
    return V_NONE;
}

static Value bi_delattr(Value *args, int nargs, TupleObj *kwnames)
{
    StrObj *name;
    if (args_no_kw("delattr", kwnames) < 0 ||
        args_count("delattr", nargs, 2, 2) < 0 ||
        attr_name(args[1], &name) < 0 || obj_setattr(args[0], name, V_NULL) < 0)
        return V_NULL;
    return V_NONE;
}

static Value bi_isinstance(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("isinstance", kwnames) < 0 ||
        args_count("isinstance", nargs, 2, 2) < 0)
        return V_NULL;
    int r = obj_isinstance_spec(args[0], args[1]);
    return r < 0 ? V_NULL : V_BOOL(r);
}

static Value bi_issubclass(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("issubclass", kwnames) < 0 ||
        args_count("issubclass", nargs, 2, 2) < 0)
        return V_NULL;
    int r = obj_issubclass_spec(args[0], args[1]);
    return r < 0 ? V_NULL : V_BOOL(r);
}

/* format(value, spec): a class's own __format__ if it defines one in
 * Python, else the format mini-language of the builtin types. */
static Value bi_format(Value *args, int nargs, TupleObj *kwnames)
{
    StrObj *spec = str_empty();
    if (args_no_kw("format", kwnames) < 0 ||
        args_count("format", nargs, 1, 2) < 0 ||
        (nargs == 2 && args_str("format", 2, args[1], &spec) < 0))
        return V_NULL;
    TypeObj *t = val_type(args[0]);
    if (t->flags & TF_HEAPTYPE) {
        Value f = type_lookup(t, rt_names.format);
        if (!IS_NULL(f) && IS_TYPE(f, func_type))
            return obj_call2(f, args[0], V_OBJ(spec));
    }
    return str_format_value(args[0], spec);
}

static Value bi_open(Value *args, int nargs, TupleObj *kwnames)
{
    return file_open(args, nargs, kwnames);
}

static Value bi_import(Value *args, int nargs, TupleObj *kwnames)
{
    StrObj *name;
    (void)kwnames;
    if (args_count("__import__", nargs, 1, 5) < 0 ||
        args_str("__import__", 1, args[0], &name) < 0)
        return V_NULL;
    return module_import(str_intern(name));
}

/* ============================================================ namespaces */

static Frame *caller_frame(void)
{
    return ts_current ? ts_current->frame : NULL;
}

static Value bi_globals(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("globals", kwnames) < 0 ||
        args_count("globals", nargs, 0, 0) < 0)
        return V_NULL;
    Frame *f = caller_frame();
    return f ? V_OBJ(f->globals) : V_OBJ(dict_new());
}

/* A snapshot of a function frame's fast locals and cells. */
static Value frame_locals(Frame *f)
{
    if (!f)
        return V_OBJ(dict_new());
    if (f->locals)
        return V_OBJ(f->locals);
    DictObj *d = dict_new();
    CodeObj *co = f->code;
    for (int i = 0; i < co->nlocals; i++)
        if (!IS_NULL(f->slots[i]) && dict_set_str(d, co->varnames[i], f->slots[i]) < 0)
            return V_NULL;
    for (int i = 0; i < co->ncells + co->nfrees; i++) {
        Value c = FRAME_CELLS(f)[i];
        StrObj *name = i < co->ncells ? co->cellvars[i]
                                      : co->freevars[i - co->ncells];
        if (IS_OBJ(c) && IS_TYPE(c, cell_type) &&
            !IS_NULL(((CellObj *)AS_OBJ(c))->v) &&
            dict_set_str(d, name, ((CellObj *)AS_OBJ(c))->v) < 0)
            return V_NULL;
    }
    return V_OBJ(d);
}

static Value bi_locals(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("locals", kwnames) < 0 ||
        args_count("locals", nargs, 0, 0) < 0)
        return V_NULL;
    return frame_locals(caller_frame());
}

static Value bi_vars(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("vars", kwnames) < 0 || args_count("vars", nargs, 0, 1) < 0)
        return V_NULL;
    if (nargs == 0)
        return frame_locals(caller_frame());
    Value d;
    if (obj_lookup_attr(args[0], rt_names.dict, &d) < 0)
        return V_NULL;
    if (IS_NULL(d))
        return err_set(&exc_TypeError,
                       "vars() argument must have __dict__ attribute");
    return d;
}

static int add_keys(DictObj *names, DictObj *d)
{
    size_t pos = 0;
    Value k, v;
    while (d && dict_next(d, &pos, &k, &v))
        if (dict_set(names, k, V_NONE) < 0)
            return -1;
    return 0;
}

/* dir(x): the instance's own names and those of its class chain (or,
 * for a class, of its own chain), sorted. */
static int dir_names(Value o, DictObj *names)
{
    TypeObj *t = val_type(o);
    int is_type = IS_OBJ(o) && type_is_subtype(t, &type_type);
    if (IS_OBJ(o) && (t->flags & TF_HAS_DICT) &&
        add_keys(names, inst_dict(o, t, 0)) < 0)
        return -1;
    if (IS_TYPE(o, module_type))
        return 0;
    for (TypeObj *c = is_type ? (TypeObj *)AS_OBJ(o) : t; c; c = c->base)
        if (add_keys(names, type_dict(c)) < 0)
            return -1;
    return 0;
}

static Value bi_dir(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("dir", kwnames) < 0 || args_count("dir", nargs, 0, 1) < 0)
        return V_NULL;
    DictObj *names = dict_new();
    Value keep = V_OBJ(names);
    gc_root_push(&keep);
    int r;
    if (nargs == 0) {
        Value loc = frame_locals(caller_frame());
        r = IS_NULL(loc) ? -1 : add_keys(names, (DictObj *)AS_OBJ(loc));
    } else {
        r = dir_names(args[0], names);
    }
    Value l = r < 0 ? V_NULL : list_from_iter(keep);
    gc_root_pop(1);
    if (IS_NULL(l))
        return V_NULL;
    gc_root_push(&l);
    r = list_sort((ListObj *)AS_OBJ(l), V_NULL, 0);
    gc_root_pop(1);
    return r < 0 ? V_NULL : l;
}

/* ============================================================ exit, quit */

/* exit and quit are objects, as in CPython's site module: their repr is a
 * hint for the REPL and calling one raises SystemExit. */
typedef struct QuitterObj {
    Obj hdr;
    const char *name;
} QuitterObj;

static Value quitter_repr(Value self)
{
    return V_OBJ(str_printf("Use %s() or Ctrl-D (i.e. EOF) to exit",
                            ((QuitterObj *)AS_OBJ(self))->name));
}

static Value quitter_call(Value self, Value *args, int nargs,
                          TupleObj *kwnames)
{
    static const char *const names[] = {"code"};
    Value code;
    if (args_bind(((QuitterObj *)AS_OBJ(self))->name, args, nargs, kwnames,
                  names, 1, 1, 0, &code) < 0)
        return V_NULL;
    Value exc = exc_new(&exc_SystemExit, &code, IS_NULL(code) ? 0 : 1);
    return IS_NULL(exc) ? V_NULL : err_set_exc(exc);
}

static TypeObj quitter_type = {
    TYPE_OBJ_HEAD,
    .name = "Quitter",
    .base = &object_type,
    .instance_size = sizeof(QuitterObj),
    .repr = quitter_repr,
    .call = quitter_call,
};

static Value quitter_new(const char *name)
{
    QuitterObj *q = gc_alloc(&quitter_type, sizeof(QuitterObj));
    q->name = name;
    return V_OBJ(q);
}

/* ============================================================ the table */

static const MethodDef builtin_functions[] = {
    {"print", bi_print, 0},
    {"input", bi_input, 0},
    {"len", bi_len, 0},
    {"repr", bi_repr, 0},
    {"ascii", bi_ascii, 0},
    {"abs", bi_abs, 0},
    {"min", bi_min, 0},
    {"max", bi_max, 0},
    {"sum", bi_sum, 0},
    {"sorted", bi_sorted, 0},
    {"any", bi_any, 0},
    {"all", bi_all, 0},
    {"isinstance", bi_isinstance, 0},
    {"issubclass", bi_issubclass, 0},
    {"hasattr", bi_hasattr, 0},
    {"getattr", bi_getattr, 0},
    {"setattr", bi_setattr, 0},
    {"delattr", bi_delattr, 0},
    {"callable", bi_callable, NATIVE_NO_CHECK},
    {"id", bi_id, NATIVE_NO_CHECK},
    {"hash", bi_hash, 0},
    {"iter", bi_iter, 0},
    {"next", bi_next, 0},
    {"ord", bi_ord, NATIVE_NO_CHECK},
    {"chr", bi_chr, NATIVE_NO_CHECK},
    {"hex", bi_hex, 0},
    {"oct", bi_oct, 0},
    {"bin", bi_bin, 0},
    {"round", bi_round, 0},
    {"divmod", bi_divmod, 0},
    {"pow", bi_pow, 0},
    {"format", bi_format, 0},
    {"open", bi_open, 0},
    {"globals", bi_globals, NATIVE_NO_CHECK},
    {"locals", bi_locals, NATIVE_NO_CHECK},
    {"vars", bi_vars, 0},
    {"dir", bi_dir, 0},
    {"__import__", bi_import, 0},
    {NULL, NULL, 0},
};

static void add_types(ModuleObj *m)
{
    static const struct {
        const char *name;
        TypeObj *type;
    } types[] = {
        {"int", &int_type}, {"float", &float_type}, {"str", &str_type},
        {"bool", &bool_type}, {"bytes", &bytes_type}, {"list", &list_type},
        {"tuple", &tuple_type}, {"dict", &dict_type}, {"set", &set_type},
        {"range", &range_type}, {"object", &object_type},
        {"type", &type_type}, {"slice", &slice_type},
        {"property", &property_type}, {"staticmethod", &staticmethod_type},
        {"classmethod", &classmethod_type}, {"super", &super_type},
        {"enumerate", &enumerate_type}, {"zip", &zip_type},
        {"map", &map_type}, {"filter", &filter_type},
        {"reversed", &reversed_type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        module_add(m, types[i].name, V_OBJ(types[i].type));
}

static void add_exceptions(ModuleObj *m)
{
#define ADD_EXC(name, base) module_add(m, #name, V_OBJ(&exc_##name));
    EXC_TYPES(ADD_EXC)
#undef ADD_EXC
    /* Old names CPython keeps as aliases. */
    module_add(m, "EnvironmentError", V_OBJ(&exc_OSError));
    module_add(m, "IOError", V_OBJ(&exc_OSError));
}

static void intern_names(void)
{
    s_stdout = str_intern_cstr("stdout");
    s_sep = str_intern_cstr("sep");
    s_end = str_intern_cstr("end");
    s_file = str_intern_cstr("file");
    s_flush = str_intern_cstr("flush");
    s_key = str_intern_cstr("key");
    s_default = str_intern_cstr("default");
    s_reverse = str_intern_cstr("reverse");
    s_start = str_intern_cstr("start");
    s_space = str_intern_cstr(" ");
    s_newline = str_intern_cstr("\n");
    s_divmod = str_intern_cstr("__divmod__");
    s_rdivmod = str_intern_cstr("__rdivmod__");
}

static void builtins_roots(void)
{
    StrObj *names[] = {s_stdout, s_sep, s_end, s_file, s_flush, s_key,
                       s_default, s_reverse, s_start, s_space, s_newline,
                       s_divmod, s_rdivmod};
    gc_mark_obj((Obj *)builtins_mod);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        gc_mark_obj((Obj *)names[i]);
}

static ModuleObj *builtins_module_init(void)
{
    return builtins_mod;
}

ModuleObj *std_builtins_module(void)
{
    if (builtins_mod)
        return builtins_mod;
    intern_names();
    type_register_static(&quitter_type);
    quitter_type.name_str = str_intern_cstr("Quitter");
    quitter_type.module = str_intern_cstr("_sitebuiltins");
    ModuleObj *m = module_new("builtins");
    builtins_mod = m;
    gc_register_roots(builtins_roots);
    module_add_methods(m, builtin_functions);
    add_types(m);
    add_exceptions(m);
    module_add(m, "None", V_NONE);
    module_add(m, "True", V_TRUE);
    module_add(m, "False", V_FALSE);
    module_add(m, "NotImplemented", V_NOTIMPL);
    module_add(m, "Ellipsis", V_ELLIPSIS);
    module_add(m, "__debug__", V_TRUE);
    module_add(m, "exit", quitter_new("exit"));
    module_add(m, "quit", quitter_new("quit"));
    module_register("builtins", builtins_module_init);
    return m;
}

DictObj *std_builtins(void)
{
    return std_builtins_module()->base.dict;
}
