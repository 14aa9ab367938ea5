/* traceback.c - traceback objects and CPython 3.11's report of an
 * uncaught exception: the chain of causes and contexts, one "File" entry
 * per frame with its source line, repeated entries collapsed, and the
 * special layout of SyntaxError.
 *
 * Output is assembled in a buffer and written in one piece through
 * tb_write_hook (sys.stderr once stdlib/ sets it) or to the C stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

void (*tb_write_hook)(const char *s, size_t n);

/* ---- traceback objects ---- */

static void tb_trace(Obj *o)
{
    TracebackObj *tb = (TracebackObj *)o;
    gc_mark_obj((Obj *)tb->next);
    gc_mark_obj((Obj *)tb->code);
    gc_mark_obj((Obj *)tb->frame);
}

static Value tb_getattr(Value self, StrObj *name)
{
    TracebackObj *tb = (TracebackObj *)AS_OBJ(self);
    const char *n = STR_CSTR(name);
    if (strcmp(n, "tb_next") == 0)
        return tb->next ? V_OBJ(tb->next) : V_NONE;
    if (strcmp(n, "tb_lineno") == 0)
        return V_INT(tb->lineno);
    if (strcmp(n, "tb_frame") == 0)
        return V_OBJ(tb->frame);
    return obj_generic_getattr(self, name);
}

TypeObj traceback_type = {
    TYPE_OBJ_HEAD,
    .name = "traceback",
    .base = &object_type,
    .instance_size = sizeof(TracebackObj),
    .trace = tb_trace,
    .getattr = tb_getattr,
};

/* ---- output buffer ---- */

typedef struct Buf {
    char *data;
    size_t n, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d)
            return; /* drop output rather than fail while reporting */
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->n, s, n);
    b->n += n;
    b->data[b->n] = '\0';
}

static void buf_puts(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_printf(Buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void buf_printf(Buf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big)
        return;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf_add(b, big, (size_t)n);
    free(big);
}

static void buf_emit(Buf *b)
{
    if (b->n == 0)
        return;
    if (tb_write_hook) {
        tb_write_hook(b->data, b->n);
    } else {
        fwrite(b->data, 1, b->n, stderr);
        fflush(stderr);
    }
}

/* ---- source lines ---- */

typedef struct SourceFile {
    char *name;
    char *text;   /* NULL: unreadable */
    char **lines; /* pointers into text */
    int nlines;
} SourceFile;

static SourceFile *sources;
static int nsources;

static void split_lines(SourceFile *sf)
{
    int cap = 64;
    sf->lines = malloc((size_t)cap * sizeof *sf->lines);
    if (!sf->lines)
        return;
    char *p = sf->text;
    while (*p) {
        if (sf->nlines == cap) {
            cap *= 2;
            char **l = realloc(sf->lines, (size_t)cap * sizeof *l);
            if (!l)
                return;
            sf->lines = l;
        }
        sf->lines[sf->nlines++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
}

static char *read_file(const char *name)
{
    FILE *f = fopen(name, "rb");
    if (!f)
        return NULL;
    Buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    if (!b.data)
        b.data = calloc(1, 1);
    return b.data;
}

/* Files are read once and kept: a traceback in a loop should not reread
 * the script each time. */
static SourceFile *source_file(const char *name)
{
    for (int i = 0; i < nsources; i++)
        if (strcmp(sources[i].name, name) == 0)
            return &sources[i];
    SourceFile *s = realloc(sources, (size_t)(nsources + 1) * sizeof *s);
    if (!s)
        return NULL;
    sources = s;
    SourceFile *sf = &sources[nsources++];
    memset(sf, 0, sizeof *sf);
    sf->name = strdup(name);
    if (name[0] != '<')
        sf->text = read_file(name);
    if (sf->text)
        split_lines(sf);
    return sf;
}

/* Line `lineno` without its indentation and line ending, or NULL. */
static const char *source_line(const char *file, int lineno, size_t *len)
{
    SourceFile *sf = source_file(file);
    if (!sf || !sf->text || lineno < 1 || lineno > sf->nlines)
        return NULL;
    const char *p = sf->lines[lineno - 1];
    while (*p == ' ' || *p == '\t' || *p == '\f')
        p++;
    size_t n = strlen(p);
    if (n > 0 && p[n - 1] == '\r')
        n--;
    *len = n;
    return p;
}

/* ---- traceback entries ---- */

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

static const char *code_file(CodeObj *co)
{
    return co && co->filename ? STR_CSTR(co->filename) : "<unknown>";
}

static const char *code_name(CodeObj *co)
{
    return co && co->name ? STR_CSTR(co->name) : "?";
}

static void print_entry(Buf *b, TracebackObj *tb)
{
    const char *file = code_file(tb->code);
    buf_printf(b, "  File \"%s\", line %d, in %s\n", file, tb->lineno,
               code_name(tb->code));
    size_t len;
    const char *line = source_line(file, tb->lineno, &len);
    if (line && len > 0) {
        buf_puts(b, "    ");
        buf_add(b, line, len);
        buf_puts(b, "\n");
    }
}

static int same_place(TracebackObj *a, TracebackObj *b)
{
    return a && b && a->lineno == b->lineno && a->code && b->code &&
           strcmp(code_file(a->code), code_file(b->code)) == 0 &&
           strcmp(code_name(a->code), code_name(b->code)) == 0;
}

static void print_repeats(Buf *b, int count)
{
    if (count > TB_RECURSIVE_CUTOFF) {
        int more = count - TB_RECURSIVE_CUTOFF;
        buf_printf(b, "  [Previous line repeated %d more time%s]\n", more,
                   more > 1 ? "s" : "");
    }
}

static void print_tb(Buf *b, TracebackObj *tb)
{
    int depth = 0;
    for (TracebackObj *t = tb; t; t = t->next)
        depth++;
    /* Only the innermost TB_LIMIT entries are shown. */
    while (tb && depth > TB_LIMIT) {
        tb = tb->next;
        depth--;
    }
    TracebackObj *prev = NULL;
    int count = 0;
    for (; tb; tb = tb->next) {
        if (same_place(prev, tb)) {
            count++;
        } else {
            print_repeats(b, count);
            count = 1;
        }
        prev = tb;
        if (count <= TB_RECURSIVE_CUTOFF)
            print_entry(b, tb);
    }
    print_repeats(b, count);
}

/* ---- the message line ---- */

static void print_type_name(Buf *b, TypeObj *t)
{
    const char *mod = t->module ? STR_CSTR(t->module) : "builtins";
    const char *qn = t->qualname ? STR_CSTR(t->qualname) : t->name;
    if (strcmp(mod, "builtins") != 0 && strcmp(mod, "__main__") != 0)
        buf_printf(b, "%s.", mod);
    buf_puts(b, qn);
}

/* str() of v for the report; NULL (error cleared) if it failed. */
static StrObj *report_str(Value v)
{
    Value saved = err_fetch();
    Value s = obj_str(v);
    err_clear();
    err_restore(saved);
    return IS_NULL(s) ? NULL : (StrObj *)AS_OBJ(s);
}

static void print_message(Buf *b, Value exc, Value msg_override)
{
    print_type_name(b, val_type(exc));
    StrObj *s = report_str(IS_NULL(msg_override) ? exc : msg_override);
    if (!s)
        buf_puts(b, ": <exception str() failed>");
    else if (s->nbytes > 0) {
        buf_puts(b, ": ");
        buf_add(b, STR_CSTR(s), s->nbytes);
    }
    buf_puts(b, "\n");
}

/* ---- SyntaxError ---- */

static Value exc_attr(Value exc, StrObj *name)
{
    DictObj *d = ((InstanceObj *)AS_OBJ(exc))->dict;
    Value v = d ? dict_get_str(d, name) : V_NULL;
    return IS_NULL(v) ? V_NONE : v;
}

/* The offending line, stripped, with carets under offset..end_offset
 * (1-based columns counted in characters of the unstripped line). */
static void print_caret_line(Buf *b, const char *text, int64_t offset,
                             int64_t end_offset)
{
    int64_t col = offset - 1;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        col--;
        end_offset--;
    }
    int64_t len = (int64_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    /* A newline inside the text before the caret moves to the next line. */
    for (;;) {
        const char *nl = memchr(text, '\n', (size_t)len);
        if (!nl || nl - text >= col)
            break;
        int64_t skip = nl - text + 1;
        text += skip;
        len -= skip;
        col -= skip;
        end_offset -= skip;
    }
    if (col > len)
        col = len;
    buf_puts(b, "    ");
    buf_add(b, text, (size_t)len);
    buf_puts(b, "\n");
    if (offset < 1 || col < 0)
        return;
    int64_t width = end_offset - 1 > col ? end_offset - 1 - col : 1;
    if (col + width > len && len > col)
        width = len - col;
    buf_puts(b, "    ");
    for (int64_t i = 0; i < col; i++)
        buf_puts(b, " ");
    for (int64_t i = 0; i < width; i++)
        buf_puts(b, "^");
    buf_puts(b, "\n");
}

/* Returns 1 if the SyntaxError layout was printed, 0 to use the normal
 * message line. */
static int print_syntax_error(Buf *b, Value exc)
{
    RtNames *n = &rt_names;
    Value lineno = exc_attr(exc, n->lineno);
    if (!IS_INT(lineno))
        return 0;
    Value file = exc_attr(exc, n->filename);
    Value text = exc_attr(exc, n->text);
    Value off = exc_attr(exc, n->offset);
    Value end_line = exc_attr(exc, n->end_lineno);
    Value end_off = exc_attr(exc, n->end_offset);
    buf_printf(b, "  File \"%s\", line %lld\n",
               IS_TYPE(file, str_type) ? STR_CSTR((StrObj *)AS_OBJ(file))
                                       : "<string>",
               (long long)AS_INT(lineno));
    if (IS_TYPE(text, str_type)) {
        int64_t o = IS_INT(off) ? AS_INT(off) : 0;
        int64_t e = o + 1;
        if (IS_INT(end_off) && IS_INT(end_line) &&
            AS_INT(end_line) == AS_INT(lineno) && AS_INT(end_off) > o)
            e = AS_INT(end_off);
        else if (IS_INT(end_line) && AS_INT(end_line) > AS_INT(lineno))
            e = INT32_MAX;
        print_caret_line(b, STR_CSTR((StrObj *)AS_OBJ(text)), o, e);
    }
    print_message(b, exc, exc_attr(exc, n->msg));
    return 1;
}

/* ---- one exception and the chain ---- */

static void print_one(Buf *b, Value exc)
{
    if (!val_isinstance(exc, &exc_BaseException)) {
        buf_puts(b, "TypeError: print_exception(): Exception expected for "
                    "value, ");
        buf_puts(b, obj_type_name(exc));
        buf_puts(b, " found\n");
        return;
    }
    ExcObj *e = (ExcObj *)AS_OBJ(exc);
    if (e->traceback) {
        buf_puts(b, "Traceback (most recent call last):\n");
        print_tb(b, e->traceback);
    }
    if (val_isinstance(exc, &exc_SyntaxError) && print_syntax_error(b, exc))
        return;
    print_message(b, exc, V_NULL);
}

#define CHAIN_MAX 100

static const char CAUSE_MSG[] =
    "\nThe above exception was the direct cause of the following "
    "exception:\n\n";
static const char CONTEXT_MSG[] =
    "\nDuring handling of the above exception, another exception "
    "occurred:\n\n";

/* The exception that printed above exc, and the separator between. */
static Value chain_parent(Value exc, const char **sep)
{
    if (!val_isinstance(exc, &exc_BaseException))
        return V_NULL;
    ExcObj *e = (ExcObj *)AS_OBJ(exc);
    if (!IS_NULL(e->cause)) {
        *sep = CAUSE_MSG;
        return e->cause;
    }
    if (!IS_NULL(e->context) && !e->suppress_context) {
        *sep = CONTEXT_MSG;
        return e->context;
    }
    return V_NULL;
}

static void format_chain(Buf *b, Value exc)
{
    Value chain[CHAIN_MAX];
    const char *seps[CHAIN_MAX];
    int n = 0;
    chain[n++] = exc;
    while (n < CHAIN_MAX) {
        const char *sep = NULL;
        Value parent = chain_parent(chain[n - 1], &sep);
        if (IS_NULL(parent))
            break;
        int seen = 0;
        for (int i = 0; i < n; i++)
            seen |= val_is(chain[i], parent);
        if (seen)
            break;
        seps[n - 1] = sep;
        chain[n++] = parent;
    }
    for (int i = n - 1; i >= 0; i--) {
        print_one(b, chain[i]);
        if (i > 0)
            buf_puts(b, seps[i - 1]);
    }
}

void err_print_exception(Value exc)
{
    Buf b = {0};
    format_chain(&b, exc);
    buf_emit(&b);
    free(b.data);
}

Value tb_format_exception(Value exc)
{
    Buf b = {0};
    format_chain(&b, exc);
    StrObj *s = str_new(b.data ? b.data : "", b.n);
    free(b.data);
    return V_OBJ(s);
}

void err_write_unraisable(Value exc, const char *header, Value obj)
{
    Buf b = {0};
    buf_puts(&b, header ? header : "Exception ignored in");
    if (!IS_NULL(obj)) {
        StrObj *r = NULL;
        Value saved = err_fetch();
        Value rv = obj_repr(obj);
        err_clear();
        err_restore(saved);
        if (!IS_NULL(rv))
            r = (StrObj *)AS_OBJ(rv);
        buf_puts(&b, ": ");
        buf_puts(&b, r ? STR_CSTR(r) : "<object repr() failed>");
    } else if (header) {
        buf_puts(&b, ":");
    }
    buf_puts(&b, "\n");
    /* An exception made just for the report has no traceback yet: like
     * CPython, show where the interpreter was (the innermost frame). */
    ThreadState *ts = ts_current;
    if (!IS_NULL(exc) && ts && ts->frame &&
        val_isinstance(exc, &exc_BaseException) &&
        ((ExcObj *)AS_OBJ(exc))->traceback == NULL)
        exc_add_traceback(exc, ts->frame, frame_lineno(ts->frame));
    /* The exception alone: CPython's default unraisablehook prints no
     * cause or context. */
    if (!IS_NULL(exc))
        print_one(&b, exc);
    buf_emit(&b);
    free(b.data);
}

Value err_set_syntax(TypeObj *type, const char *msg, const char *filename,
                     int lineno, int offset, const char *text)
{
    TupleObj *info = tuple_new(4);
    info->items[0] = filename ? V_OBJ(str_from_cstr(filename)) : V_NONE;
    info->items[1] = V_INT(lineno);
    info->items[2] = offset > 0 ? V_INT(offset) : V_NONE;
    info->items[3] = text ? V_OBJ(str_from_cstr(text)) : V_NONE;
    Value args[2] = {V_OBJ(str_from_cstr(msg)), V_OBJ(info)};
    Value exc = exc_new(type, args, 2);
    if (IS_NULL(exc))
        return V_NULL;
    return err_set_exc(exc);
}
