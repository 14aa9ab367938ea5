/* main.c - the sigvm program: options, running a file or -c, exit status.
 *
 * The steps follow CPython's: parse the options, start the runtime, the
 * library and the VM, compile the whole program (a SyntaxError stops
 * before anything runs), run it as __main__, report an uncaught exception,
 * flush the standard streams and exit with CPython's status.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/tools.h"
#include "cli/repl.h"
#include "compiler/compiler.h"
#include "runtime/blocking.h"
#include "runtime/gil.h"
#include "runtime/runtime.h"
#include "runtime/signals.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

#define CLI_VERSION "sigvm 0.1.0 (Python 3.11 subset)"
#define CLI_BANNER CLI_VERSION " on linux; type exit() or Ctrl-D to leave."

typedef enum { RUN_FILE, RUN_CODE, RUN_STDIN, RUN_REPL } RunKind;

typedef struct CliOptions {
    const char *prog;  /* argv[0], for messages */
    RunKind kind;
    const char *what;  /* the file name or the -c code */
    int unbuffered;
    int inspect;       /* -i: the prompt after the script */
    int faulthandler;      /* -X faulthandler */
    int cpython_checks;    /* -X checkpoints=cpython */
    int script_argc;   /* what becomes sys.argv */
    char **script_argv;
    char *dash_c;      /* "-c" as sys.argv[0] */
} CliOptions;

static void cli_usage_error(const CliOptions *o, const char *fmt,
                            const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nusage: %s [option] ... [-c cmd | -m mod | file | -] "
                    "[arg] ...\nTry `sigvm -h' for more information.\n",
            o->prog);
}

static void cli_help(const CliOptions *o)
{
    printf("usage: %s [option] ... [-c cmd | file | -] [arg] ...\n"
           "Options:\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-h     : print this help message and exit (also --help)\n"
           "-i     : inspect interactively after running script; forces a "
           "prompt even\n         if stdin does not appear to be a terminal\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-V     : print the version number and exit (also --version)\n"
           "-X opt : set implementation-specific option:\n"
           "         -X faulthandler: dump the traceback on a fatal signal\n"
           "         -X checkpoints=cpython: check the eval breaker only at\n"
           "         function entry, backward jumps and after native calls\n"
           "         (CPython 3.10+); the default, checkpoints=every, checks\n"
           "         before every instruction\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if "
           "a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n",
           o->prog);
    tools_help();
}

/* Options CPython has that change nothing sigvm does. */
static int cli_ignored_flag(char c)
{
    return strchr("bBdEIOPqRsSvW", c) != NULL;
}

/* -X options: sigvm's own and CPython's faulthandler; others are
 * accepted and ignored, as CPython does. */
static int cli_xoption(CliOptions *o, const char *val)
{
    if (strcmp(val, "faulthandler") == 0) {
        o->faulthandler = 1;
    } else if (strcmp(val, "checkpoints=cpython") == 0) {
        o->cpython_checks = 1;
    } else if (strcmp(val, "checkpoints=every") == 0) {
        o->cpython_checks = 0;
    } else if (strncmp(val, "checkpoints=", 12) == 0) {
        fprintf(stderr, "%s: -X checkpoints takes 'every' or 'cpython', not "
                        "'%s'\n", o->prog, val + 12);
        return 2 + 2;
    }
    return 0;
}

/* One cluster of short options ("-u", "-uc", "-X faulthandler"):
 * returns 1 when it ended the option list (-c, -m), 0 to go on, and an
 * exit status + 2 (so >= 2) to stop now. */
static int cli_short(CliOptions *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    for (int k = 1; a[k]; k++) {
        char c = a[k];
        const char *rest = a + k + 1;
        if (c == 'u') {
            o->unbuffered = 1;
        } else if (c == 'i') {
            o->inspect = 1;
        } else if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
            const char *val = *rest ? rest : (*i + 1 < argc ? argv[++*i] : NULL);
            if (!val) {
                char opt[3] = {'-', c, 0};
                cli_usage_error(o, "Argument expected for the %s option", opt);
                return 2 + 2;
            }
            if (c == 'X')
                return cli_xoption(o, val);
            if (c == 'W')
                return 0;
            if (c == 'm' && tools_module_main(val)) {
                /* -m dis FILE: the next argument is the file. */
                o->kind = RUN_FILE;
                o->what = *i + 1 < argc ? argv[*i + 1] : "-";
                return 1;
            }
            if (c == 'm') {
                fprintf(stderr, "%s: No module named %s\n", o->prog, val);
                return 1 + 2;
            }
            o->kind = RUN_CODE;
            o->what = val;
            return 1;
        } else if (c == 'V') {
            puts(CLI_VERSION);
            return 0 + 2;
        } else if (c == 'h' || c == '?') {
            cli_help(o);
            return 0 + 2;
        } else if (!cli_ignored_flag(c)) {
            char opt[3] = {'-', c, 0};
            cli_usage_error(o, "Unknown option: %s", opt);
            return 2 + 2;
        }
    }
    return 0;
}

static int cli_long(CliOptions *o, const char *a)
{
    if (strcmp(a, "--version") == 0) {
        puts(CLI_VERSION);
        return 0;
    }
    if (strcmp(a, "--help") == 0) {
        cli_help(o);
        return 0;
    }
    cli_usage_error(o, "unknown option %s", a);
    return 2;
}

/* Fill o from the command line; returns -1 to run, else an exit status. */
static int cli_parse(int argc, char **argv, CliOptions *o)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            int t = tools_long_option(o->prog, argc, argv, &i);
            if (t == TOOLS_OK)
                continue;
            return t == TOOLS_NOT_MINE ? cli_long(o, a) : t;
        }
        int r = cli_short(o, argc, argv, &i);
        if (r >= 2)
            return r - 2;
        if (r == 1) {
            o->script_argv = argv + i;
            o->script_argc = argc - i;
            o->script_argv[0] = o->dash_c;
            return -1;
        }
    }
    /* Standard input is interactive on a terminal or under -i: it then
     * feeds the prompt, with or without "-" (CPython's pymain_run_stdin;
     * "-" only makes sys.argv[0] '-'). */
    RunKind from_stdin = isatty(0) || o->inspect ? RUN_REPL : RUN_STDIN;
    if (i < argc) {
        o->kind = strcmp(argv[i], "-") == 0 ? from_stdin : RUN_FILE;
        o->what = argv[i];
        o->script_argv = argv + i;
        o->script_argc = argc - i;
    } else {
        o->kind = from_stdin;
        o->script_argv = NULL;
        o->script_argc = 0;
    }
    return -1;
}

/* ------------------------------------------------------------ source */

static char *cli_read_fd(int fd, size_t *len)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

/* The absolute form of a script path, as CPython gives __main__.__file__:
 * the working directory joined to a relative name, nothing normalised. */
static char *cli_abspath(const char *path)
{
    if (path[0] == '/')
        return strdup(path);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    char *out = malloc(strlen(cwd) + strlen(path) + 2);
    sprintf(out, "%s/%s", cwd, path);
    return out;
}

/* Read the script file; prints CPython's message and returns NULL (with
 * *status set) when it cannot. */
static char *cli_read_script(const CliOptions *o, const char *abs, size_t *len,
                             int *status)
{
    int fd = open(o->what, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        fprintf(stderr, "%s: can't find '__main__' module in '%s'\n",
                o->prog, o->what);
        *status = 1;
        return NULL;
    }
    if (fd < 0) {
        int e = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", o->prog,
                abs, e, strerror(e));
        *status = 2;
        return NULL;
    }
    char *src = cli_read_fd(fd, len);
    close(fd);
    return src;
}

/* ------------------------------------------------------------ running */

/* Flush sys.stdout and sys.stderr; a failure (a closed pipe) is reported
 * as CPython reports it, and the exit status becomes 120. */
static int cli_flush(int status)
{
    if (std_flush_stdio() == 0)
        return status;
    Value exc = err_fetch();
    gc_root_push(&exc);
    err_write_unraisable(exc, NULL, sys_get("stdout"));
    gc_root_pop(1);
    return 120;
}

/* SystemExit's status as CPython computes it: None is 0, an int is
 * itself, anything else is printed to stderr and gives 1. */
static int cli_system_exit(Value exc)
{
    Value code = obj_getattr_cstr(exc, "code");
    if (IS_NULL(code)) {
        err_clear();
        return 1;
    }
    if (IS_NONE(code))
        return 0;
    if (IS_INTLIKE(code))
        return (int)AS_INT(code);
    gc_root_push(&code);
    Value s = obj_str(code);
    gc_root_push(&s);
    Value err = sys_get("stderr");
    if (!IS_NULL(s) && file_check(err)) {
        StrObj *str = (StrObj *)AS_OBJ(s);
        FileObj *f = (FileObj *)AS_OBJ(err);
        if (file_write(f, STR_CSTR(str), str->nbytes) < 0 ||
            file_write(f, "\n", 1) < 0)
            err_clear();
    }
    err_clear();
    gc_root_pop(2);
    return 1;
}

/* Death by SIGINT for an uncaught KeyboardInterrupt (CPython 3.8+), so a
 * calling shell sees status 130 and stops too. */
static void cli_die_by_sigint(void)
{
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
}

/* Set while a script runs under -i: as in CPython, SystemExit is then
 * printed as a traceback instead of ending the process, and the prompt
 * follows. */
static int cli_inspecting;

/* Report the exception the program ended with; returns the exit status. */
static int cli_report(Value exc, int flush_first)
{
    gc_root_push(&exc);
    int status = 1;
    if (flush_first)
        cli_flush(0);
    if (val_isinstance(exc, &exc_SystemExit) && !cli_inspecting) {
        status = cli_system_exit(exc);
    } else {
        err_print_exception(exc);
        /* Only the exact type: CPython compares PyErr_Occurred() with
         * PyExc_KeyboardInterrupt, so a subclass exits with 1. */
        if (val_type(exc) == &exc_KeyboardInterrupt)
            status = -1;
    }
    gc_root_pop(1);
    return status;
}

static ModuleObj *cli_main_module(const char *file)
{
    ModuleObj *m = module_new("__main__");
    DictObj *g = m->base.dict;
    dict_set_str(g, str_intern_cstr("__name__"),
                 V_OBJ(str_intern_cstr("__main__")));
    dict_set_str(g, str_intern_cstr("__doc__"), V_NONE);
    dict_set_str(g, str_intern_cstr("__package__"), V_NONE);
    dict_set_str(g, str_intern_cstr("__spec__"), V_NONE);
    dict_set_str(g, str_intern_cstr("__builtins__"),
                 V_OBJ(std_builtins_module()));
    if (file)
        dict_set_str(g, str_intern_cstr("__file__"),
                     V_OBJ(str_from_cstr(file)));
    dict_set_str(module_sys_modules(), str_intern_cstr("__main__"), V_OBJ(m));
    return m;
}

/* Compile and run src as __main__; returns the exit status.  CPython
 * flushes the standard streams before reporting an error for a file or
 * stdin script, but not for -c. */
static int cli_run_source(const char *src, size_t len, const char *filename,
                          const char *file_attr, int flush_first)
{
    CodeObj *co = comp_compile_source(src, len, filename, COMP_FILE);
    if (!co)
        return cli_report(err_fetch(), flush_first);
    ModuleObj *m = cli_main_module(file_attr);
    /* A SIGINT that arrived during start-up raises before any script code
     * runs (CPython's Py_MakePendingCalls before the main module). */
    if (sig_check() < 0)
        return cli_report(err_fetch(), flush_first);
    Value r = vm_run_module(co, m->base.dict);
    if (IS_NULL(r))
        return cli_report(err_fetch(), flush_first);
    return 0;
}

/* The prompt, in __main__'s namespace; returns the exit status, or -1
 * to die by SIGINT. */
static int cli_repl(DictObj *globals, const char *banner)
{
    cli_inspecting = 0;
    int r = repl_run(globals, banner);
    if (r == REPL_SYSTEM_EXIT)
        return cli_report(err_fetch(), 1);
    return r;
}

/* -i after a script or -c: the prompt in what is left of __main__.  The
 * script's status is dropped, as CPython drops it, even a
 * KeyboardInterrupt's. */
static int cli_inspect(void)
{
    Value m = dict_get_cstr(module_sys_modules(), "__main__");
    DictObj *g = IS_TYPE(m, module_type) ? ((ModuleObj *)AS_OBJ(m))->base.dict
                                         : cli_main_module(NULL)->base.dict;
    return cli_repl(g, NULL);
}

static int cli_run(const CliOptions *o)
{
    size_t len = 0;
    int status = 0;
    char *src;
    switch (o->kind) {
    case RUN_CODE:
        return cli_run_source(o->what, strlen(o->what), "<string>", NULL, 0);
    case RUN_STDIN:
        src = cli_read_fd(0, &len);
        status = cli_run_source(src, len, "<stdin>", "<stdin>", 1);
        free(src);
        return status;
    case RUN_FILE: {
        char *abs = cli_abspath(o->what);
        src = cli_read_script(o, abs, &len, &status);
        if (src)
            status = cli_run_source(src, len, abs, abs, 1);
        free(src);
        free(abs);
        return status;
    }
    case RUN_REPL:
    default:
        return cli_repl(cli_main_module(NULL)->base.dict, CLI_BANNER);
    }
}

/* The breaker's pending-call step: report a wakeup-fd write error. */
static int cli_pending_calls(void)
{
    eb_clear(EB_PENDING);
    sig_report_wakeup_error();
    return 0;
}

static void cli_before_fork(void)
{
    if (std_flush_stdio() < 0)
        err_clear();
}

/* In the child the forking thread is the only one: it owns a fresh GIL,
 * its state is the main thread's, and its Thread is main_thread(). */
static void cli_after_fork_child(void)
{
    ts_after_fork(ts_current);
    gil_after_fork(ts_current);
    threadmod_after_fork_child();
}

/* Connect the signal layer to the loop and to every blocking call: only
 * cli/ sees both vm/ and runtime/. */
static void cli_wire_signals(const CliOptions *o)
{
    vm_signal_hook = sig_handle_pending;
    vm_pending_hook = cli_pending_calls;
    blk_eintr_hook = sig_check;
    os_before_fork_hook = cli_before_fork;
    /* Threads: the GIL is handed over at instruction boundaries and
     * around every blocking call (a no-op until a second thread runs). */
    gil_init(ts_current);
    vm_gil_drop_hook = gil_drop_hook;
    blk_release_hook = gil_release_for_blocking;
    blk_acquire_hook = gil_acquire_after_blocking;
    os_after_fork_child_hook = cli_after_fork_child;
    if (o->cpython_checks)
        vm_checkpoint_policy = VM_CHECK_CPYTHON;
    if (o->faulthandler)
        fhmod_enable_at_startup();
}

int main(int argc, char **argv)
{
    static char dash_c[] = "-c";
    static char dash[] = "-";
    static char empty[] = "";
    static char *no_args[] = {empty, NULL};
    CliOptions o = {.prog = argc > 0 ? argv[0] : "sigvm", .dash_c = dash_c};
    int status = cli_parse(argc, argv, &o);
    if (status >= 0)
        return status;
    if ((o.kind == RUN_STDIN || o.kind == RUN_REPL) && !o.script_argv) {
        o.script_argv = no_args;
        o.script_argc = 1;
    } else if (o.kind == RUN_STDIN) {
        o.script_argv[0] = dash;
    }
    const char *env_unbuf = getenv("PYTHONUNBUFFERED");
    if (env_unbuf && *env_unbuf)
        o.unbuffered = 1;
    rt_init();
    std_init(o.script_argc, o.script_argv, o.unbuffered ? STD_UNBUFFERED : 0);
    vm_init();
    vm_set_builtins(std_builtins());
    cli_wire_signals(&o);
    repl_install_input_hook();
    if (tools_start(o.prog, o.what) < 0)
        return 2;
    cli_inspecting = o.inspect;
    status = tools_dis_requested() ? tools_run_dis(o.prog, o.what)
                                   : cli_run(&o);
    if (o.inspect && o.kind != RUN_REPL)
        status = cli_inspect();
    tools_finish(o.prog);
    /* CPython's Py_FinalizeEx starts by waiting for non-daemon threads. */
    threadmod_shutdown();
    int by_sigint = status == -1;
    status = cli_flush(by_sigint ? 1 : status);
    /* As _PySignal_Fini, after the streams are flushed: script handlers
     * are forgotten and their signals go back to the default action. */
    sig_fini();
    if (by_sigint) {
        cli_die_by_sigint();
        /* Still alive: SIGINT is blocked.  CPython then exits 128 + 2. */
        return 128 + SIGINT;
    }
    return status;
}
