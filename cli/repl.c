/* repl.c - the read-eval-print loop: `sigvm` on a terminal, `sigvm -i`.
 *
 * Each statement is read line by line until the compiler says it is
 * complete (comp_compile_interactive), compiled in COMP_SINGLE mode so
 * that an expression statement ends with PRINT_EXPR, and run in __main__'s
 * namespace.  PRINT_EXPR calls repl_displayhook, which writes the repr to
 * sys.stdout and stores the value in builtins._, as sys.displayhook does.
 * An exception is printed as CPython prints it (tracebacks name the file
 * "<stdin>") and the session goes on; SystemExit, exit(), quit() and end
 * of input end it.  The prompts are str(sys.ps1) and str(sys.ps2), taken
 * afresh before each statement, as CPython's PyRun_InteractiveOne does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/repl.h"
#include "cli/rl_load.h"
#include "compiler/compiler.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

#define REPL_HISTORY_LINES 1000

/* ------------------------------------------------------------ output */

/* Write s to sys.stdout or sys.stderr, whatever object they are now. */
static int rp_write(const char *stream, const char *s, size_t n)
{
    Value f = sys_get(stream);
    if (IS_NULL(f) || IS_NONE(f))
        return 0;
    if (file_check(f))
        return file_write((FileObj *)AS_OBJ(f), s, n);
    gc_root_push(&f);
    Value str = V_OBJ(str_new(s, n));
    gc_root_push(&str);
    Value r = obj_call_method(f, "write", &str, 1);
    gc_root_pop(2);
    return IS_NULL(r) ? -1 : 0;
}

/* Flush the standard streams, dropping a flush error: the prompt must
 * appear after what the statement printed. */
static void rp_flush(void)
{
    if (std_flush_stdio() < 0)
        err_clear();
}

/* sys.displayhook: None is not shown; anything else is shown with repr
 * and kept in builtins._ (set to None first, so a failing repr leaves
 * None there, as CPython does). */
static int repl_displayhook(Value v)
{
    if (IS_NONE(v))
        return 0;
    StrObj *underscore = str_intern_cstr("_");
    if (dict_set_str(std_builtins(), underscore, V_NONE) < 0)
        return -1;
    Value r = obj_repr(v);
    if (IS_NULL(r))
        return -1;
    gc_root_push(&r);
    StrObj *s = (StrObj *)AS_OBJ(r);
    int ok = rp_write("stdout", STR_CSTR(s), s->nbytes) == 0 &&
             rp_write("stdout", "\n", 1) == 0;
    gc_root_pop(1);
    if (!ok)
        return -1;
    return dict_set_str(std_builtins(), underscore, v);
}

/* ------------------------------------------------------------ input */

/* One line without a terminal: the prompt goes to the process's standard
 * error, not to sys.stderr, whatever a script made of it, and the line
 * comes from sys.stdin, as CPython's PyOS_StdioReadline does.  Same
 * results as repl_readline. */
static int rp_read_plain(const char *prompt, char **line)
{
    rp_flush();
    fputs(prompt, stderr);
    fflush(stderr);
    Value in = sys_get("stdin");
    if (IS_NULL(in) || IS_NONE(in) || !file_check(in))
        in = V_OBJ(file_stdin);
    Value l = file_readline((FileObj *)AS_OBJ(in), -1);
    if (IS_NULL(l))
        return -1;
    StrObj *s = (StrObj *)AS_OBJ(l);
    if (s->nbytes == 0)
        return 0;
    size_t n = s->nbytes;
    if (s->data[n - 1] == '\n')
        n--;
    *line = strndup(STR_CSTR(s), n);
    return 1;
}

static int rp_read(const char *prompt, int tty, char **line)
{
    *line = NULL;
    if (!tty)
        return rp_read_plain(prompt, line);
    rp_flush();
    return repl_readline(prompt, line);
}

/* input()'s hook: readline with the same signal handling as the prompt,
 * or CPython's reading without readline when it cannot be loaded. */
static int rp_input_line(const char *prompt, char **line)
{
    Value m = dict_get_cstr(module_sys_modules(), "__main__");
    DictObj *globals =
        IS_TYPE(m, module_type) ? ((ModuleObj *)AS_OBJ(m))->base.dict : NULL;
    *line = NULL;
    if (repl_readline_init(globals) < 0)
        return rp_read_plain(prompt, line);
    return repl_readline(prompt, line);
}

/* ------------------------------------------------------------ history */

char *repl_history_path(void)
{
    const char *env = getenv("SIGVM_HISTFILE");
    if (env)
        return *env ? strdup(env) : NULL;
    const char *home = getenv("HOME");
    if (!home || !*home)
        return NULL;
    char *p = malloc(strlen(home) + sizeof "/.sigvm_history");
    sprintf(p, "%s/.sigvm_history", home);
    return p;
}

static void rp_history_load(void)
{
    rll.stifle_history(REPL_HISTORY_LINES);
    char *path = repl_history_path();
    if (path)
        rll.read_history(path); /* a missing file is the normal first run */
    free(path);
}

static void rp_history_save(void)
{
    char *path = repl_history_path();
    if (path && rll.write_history(path) == 0)
        rll.history_truncate_file(path, REPL_HISTORY_LINES);
    free(path);
}

/* ------------------------------------------------------------ the loop */

typedef struct Session {
    DictObj *globals;
    int tty;
    int ki_escaped; /* the last statement run ended in a
                       KeyboardInterrupt: the exit dies by SIGINT */
} Session;

/* Print an exception that ended a statement or a read.  SystemExit is not
 * printed: it ends the session (REPL_SYSTEM_EXIT, exception set again). */
static int rp_report(Session *s, int from_statement)
{
    Value exc = err_fetch();
    gc_root_push(&exc);
    rp_flush();
    int r = 0;
    if (val_isinstance(exc, &exc_SystemExit)) {
        err_restore(exc);
        r = REPL_SYSTEM_EXIT;
    } else {
        /* CPython's run_eval_code_obj compares the exact type. */
        if (from_statement && val_type(exc) == &exc_KeyboardInterrupt)
            s->ki_escaped = 1;
        err_print_exception(exc);
        rp_flush();
    }
    gc_root_pop(1);
    return r;
}

static int rp_execute(Session *s, CodeObj *co)
{
    Value c = V_OBJ(co);
    gc_root_push(&c);
    /* As CPython's run_eval_code_obj: only the last statement run counts. */
    s->ki_escaped = 0;
    Value r = vm_run_module(co, s->globals);
    gc_root_pop(1);
    if (IS_NULL(r))
        return rp_report(s, 1);
    rp_flush();
    return 0;
}

/* Append line and a newline to the statement being collected. */
static void rp_append(char **src, size_t *len, const char *line)
{
    size_t n = strlen(line);
    *src = realloc(*src, *len + n + 2);
    memcpy(*src + *len, line, n);
    *len += n;
    (*src)[(*len)++] = '\n';
    (*src)[*len] = 0;
}

/* ------------------------------------------------------------ prompts */

/* Set sys.<name> to text unless the script already set it: a script run
 * by -i chooses the prompts (CPython's PyRun_InteractiveLoop). */
static void rp_default_prompt(const char *name, const char *text)
{
    if (!IS_NULL(sys_get(name)))
        return;
    Value v = V_OBJ(str_from_cstr(text));
    gc_root_push(&v);
    if (dict_set_str(std_sys_module()->base.dict, str_intern_cstr(name),
                     v) < 0)
        err_clear();
    gc_root_pop(1);
}

void repl_init_prompts(void)
{
    rp_default_prompt("ps1", ">>> ");
    rp_default_prompt("ps2", "... ");
}

char *repl_prompt(const char *name)
{
    Value v = sys_get(name);
    if (IS_NULL(v))
        return strdup("");
    gc_root_push(&v);
    Value s = obj_str(v);
    gc_root_pop(1);
    if (IS_NULL(s)) {
        /* As CPython: a failing str() gives an empty prompt, silently. */
        err_clear();
        return strdup("");
    }
    return strdup(STR_CSTR((StrObj *)AS_OBJ(s)));
}

/* ------------------------------------------------------------ statement */

/* Read lines until they make a statement (ps2 after the first line) and
 * run it: 0 to go on, 1 at end of input, or REPL_SYSTEM_EXIT. */
static int rp_collect(Session *s, const char *ps1, const char *ps2)
{
    char *src = NULL, *line;
    size_t len = 0;
    const char *prompt = ps1;
    for (;;) {
        int r = rp_read(prompt, s->tty, &line);
        if (r <= 0) {
            free(src);
            /* End of input and an interrupted read both leave the cursor
             * after the prompt: end that line first, as CPython does.  On
             * a terminal, repl_readline has done so for an exception. */
            if ((r == 0 || !s->tty) && rp_write("stderr", "\n", 1) < 0)
                err_clear();
            return r == 0 ? 1 : rp_report(s, 0);
        }
        rp_append(&src, &len, line);
        free(line);
        int incomplete = 0;
        CodeObj *co = comp_compile_interactive(src, len, "<stdin>",
                                               COMP_SINGLE, &incomplete);
        if (co == NULL && incomplete) {
            prompt = ps2;
            continue;
        }
        free(src);
        return co ? rp_execute(s, co) : rp_report(s, 0);
    }
}

/* One statement.  Both prompts are taken before its first line is read:
 * a handler that changes them while it is typed changes the next one. */
static int rp_statement(Session *s)
{
    char *ps1 = repl_prompt("ps1");
    char *ps2 = repl_prompt("ps2");
    int r = rp_collect(s, ps1, ps2);
    free(ps1);
    free(ps2);
    return r;
}

int repl_run(DictObj *globals, const char *banner)
{
    Session s = {.globals = globals, .tty = repl_use_readline()};
    Value keep = V_OBJ(globals);
    gc_root_push(&keep);
    vm_displayhook = repl_displayhook;
    repl_init_prompts();
    if (banner && (rp_write("stderr", banner, strlen(banner)) < 0 ||
                   rp_write("stderr", "\n", 1) < 0))
        err_clear();
    if (s.tty && repl_readline_init(globals) < 0)
        s.tty = 0;
    if (s.tty) {
        repl_complete_init(globals);
        rp_history_load();
    }
    int r;
    while ((r = rp_statement(&s)) == 0)
        ;
    if (s.tty)
        rp_history_save();
    rp_flush();
    gc_root_pop(1);
    if (r == REPL_SYSTEM_EXIT)
        return r;
    return s.ki_escaped ? REPL_DIE_BY_SIGINT : 0;
}

void repl_install_input_hook(void)
{
    std_readline_hook = rp_input_line;
}
