/* repl_complete.c - tab completion at the prompt, as CPython's rlcompleter
 * does it.
 *
 * A plain name completes to keywords, then names in __main__, then
 * builtins.  A dotted name "a.b.c" completes the attributes of the object
 * that "a.b" names, found by looking the first name up and getting each
 * attribute in turn; nothing else is evaluated, so completion never calls
 * a function the user did not name (attribute lookups can still run a
 * property or __getattr__, as in CPython).  Names of callables get a "("
 * appended.  Errors while looking are swallowed: a completer has nowhere
 * to report them.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>


#include "cli/repl.h"
#include "cli/rl_load.h"
#include "stdlib/stdlib.h"

/* The namespace names come from: __main__'s dict, kept alive by
 * repl_complete_mark while the REPL holds it. */
static DictObj *cmp_globals;

/* Python 3.11's keyword.kwlist and softkwlist, with the text rlcompleter
 * appends to each: ':' after try/finally, nothing after the words that
 * stand alone, a space after the rest. */
static const char *const cmp_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await",
    "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield", "_", "case", "match", NULL};

static const char *cmp_keyword_suffix(const char *kw)
{
    static const char *const alone[] = {"False", "None", "True", "break",
                                        "continue", "pass", "else", "_",
                                        NULL};
    if (strcmp(kw, "try") == 0 || strcmp(kw, "finally") == 0)
        return ":";
    for (int i = 0; alone[i]; i++)
        if (strcmp(kw, alone[i]) == 0)
            return "";
    return " ";
}

/* A growing NULL-terminated array of malloc'd strings. */
typedef struct Matches {
    char **v;
    size_t n, cap;
} Matches;

static int cmp_has(const Matches *m, const char *s, size_t prefix_len)
{
    for (size_t i = 0; i < m->n; i++)
        if (strncmp(m->v[i] + prefix_len, s, strlen(s)) == 0 &&
            strchr("( :", m->v[i][prefix_len + strlen(s)]) != NULL)
            return 1;
    return 0;
}

static void cmp_add(Matches *m, const char *a, const char *b, const char *c)
{
    if (m->n + 2 > m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->v = realloc(m->v, m->cap * sizeof *m->v);
    }
    char *s = malloc(strlen(a) + strlen(b) + strlen(c) + 1);
    strcpy(s, a);
    strcat(s, b);
    strcat(s, c);
    m->v[m->n++] = s;
    m->v[m->n] = NULL;
}

/* "(" for a callable value, as rlcompleter's _callable_postfix. */
static const char *cmp_postfix(Value v)
{
    return !IS_NULL(v) && obj_is_callable(v) ? "(" : "";
}

/* Add the str keys of d that start with text and were not seen yet. */
static void cmp_add_names(Matches *m, DictObj *d, const char *text)
{
    size_t pos = 0, n = strlen(text);
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (!IS_TYPE(k, str_type))
            continue;
        const char *name = STR_CSTR((StrObj *)AS_OBJ(k));
        if (strncmp(name, text, n) != 0 || strcmp(name, "__builtins__") == 0 ||
            cmp_has(m, name, 0))
            continue;
        cmp_add(m, name, cmp_postfix(v), "");
    }
}

static void cmp_global(Matches *m, const char *text)
{
    size_t n = strlen(text);
    for (int i = 0; cmp_keywords[i]; i++)
        if (strncmp(cmp_keywords[i], text, n) == 0)
            cmp_add(m, cmp_keywords[i], cmp_keyword_suffix(cmp_keywords[i]),
                    "");
    if (cmp_globals)
        cmp_add_names(m, cmp_globals, text);
    cmp_add_names(m, std_builtins(), text);
}

/* The object a dotted name such as "os.path" names, or V_NULL (no
 * exception left set). */
static Value cmp_lookup(const char *expr)
{
    char *copy = strdup(expr);
    char *save = NULL;
    char *part = strtok_r(copy, ".", &save);
    Value v = cmp_globals ? dict_get_cstr(cmp_globals, part) : V_NULL;
    if (IS_NULL(v))
        v = dict_get_cstr(std_builtins(), part);
    gc_root_push(&v);
    while (!IS_NULL(v) && (part = strtok_r(NULL, ".", &save)) != NULL)
        v = obj_getattr_cstr(v, part);
    gc_root_pop(1);
    err_clear();
    free(copy);
    return v;
}

/* Whether expr is NAME(.NAME)*: the only form completion evaluates. */
static int cmp_plain_dotted(const char *expr)
{
    int at_start = 1;
    for (const char *p = expr; *p; p++) {
        if (*p == '.') {
            if (at_start)
                return 0;
            at_start = 1;
        } else if (isalnum((unsigned char)*p) || *p == '_') {
            at_start = 0;
        } else {
            return 0;
        }
    }
    return !at_start;
}

/* One pass over dir(obj): the names starting with attr, skipping those
 * that start with `skip` (NULL: none). */
static void cmp_attr_pass(Matches *m, Value obj, Value names, const char *expr,
                          const char *attr, const char *skip)
{
    ListObj *l = (ListObj *)AS_OBJ(names);
    size_t n = strlen(attr);
    for (size_t i = 0; i < l->n; i++) {
        if (!IS_TYPE(l->items[i], str_type))
            continue;
        const char *w = STR_CSTR((StrObj *)AS_OBJ(l->items[i]));
        if (strncmp(w, attr, n) != 0 || (skip && strncmp(w, skip,
                                                         strlen(skip)) == 0))
            continue;
        Value v = obj_getattr_cstr(obj, w);
        err_clear();
        cmp_add(m, expr, ".", w);
        if (*cmp_postfix(v)) {
            char *last = m->v[m->n - 1];
            m->v[m->n - 1] = realloc(last, strlen(last) + 2);
            strcat(m->v[m->n - 1], "(");
        }
    }
}

/* Attributes of the object before the last dot.  As rlcompleter: with
 * nothing typed after the dot, names starting with "_" are left out
 * unless nothing else matches; after one "_", dunder names are. */
static void cmp_attrs(Matches *m, const char *text)
{
    const char *dot = strrchr(text, '.');
    char *expr = strndup(text, (size_t)(dot - text));
    const char *attr = dot + 1;
    Value obj = cmp_plain_dotted(expr) ? cmp_lookup(expr) : V_NULL;
    Value names = V_NULL;
    gc_root_push(&obj);
    gc_root_push(&names);
    if (!IS_NULL(obj))
        names = obj_call1(dict_get_cstr(std_builtins(), "dir"), obj);
    err_clear();
    if (IS_TYPE(names, list_type)) {
        const char *skip = !*attr ? "_" : strcmp(attr, "_") == 0 ? "__" : NULL;
        cmp_attr_pass(m, obj, names, expr, attr, skip);
        if (m->n == 0 && skip && strcmp(skip, "_") == 0)
            cmp_attr_pass(m, obj, names, expr, attr, "__");
        if (m->n == 0 && skip)
            cmp_attr_pass(m, obj, names, expr, attr, NULL);
    }
    gc_root_pop(2);
    free(expr);
}

char **repl_complete_matches(const char *text)
{
    Matches m = {0};
    Value exc = err_fetch(); /* completion must not disturb a pending one */
    gc_root_push(&exc);
    if (strchr(text, '.'))
        cmp_attrs(&m, text);
    else
        cmp_global(&m, text);
    err_restore(exc);
    gc_root_pop(1);
    return m.v;
}

/* readline's generator protocol: state 0 computes the list, then each
 * call hands out the next entry (readline frees them). */
static char *cmp_generator(const char *text, int state)
{
    static char **list;
    static size_t next;
    if (state == 0) {
        free(list);
        list = repl_complete_matches(text);
        next = 0;
    }
    if (!list || !list[next]) {
        free(list);
        list = NULL;
        return NULL;
    }
    return list[next++];
}

static char **cmp_attempt(const char *text, int start, int end)
{
    (void)start;
    (void)end;
    /* Never fall back to completing file names. */
    *rll.rl_attempted_completion_over = 1;
    return rll.rl_completion_matches(text, cmp_generator);
}

void repl_complete_mark(void)
{
    gc_mark_obj((Obj *)cmp_globals);
}

void repl_complete_init(DictObj *globals)
{
    static int registered;
    cmp_globals = globals;
    if (!registered) {
        registered = 1;
        gc_register_roots(repl_complete_mark);
    }
}

void repl_complete_bind(void)
{
    /* CPython's delimiters: a dot is part of the word completed. */
    *rll.rl_completer_word_break_characters =
        (char *)" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    *rll.rl_completion_append_character = '\0';
    *rll.rl_attempted_completion_function = cmp_attempt;
}
