/* mod_sys.c - the sys module, and std_init, which wires up the library.
 *
 * sys is created eagerly by std_init (print needs sys.stdout before any
 * import); `import sys` then returns the same module object.
 */
#include "stdlib/stdlib.h"

#include "runtime/gil.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SIGVM_VERSION "0.1.0"

static ModuleObj *sys_mod;
static int std_flags;

ModuleObj *std_sys_module(void)
{
    return sys_mod;
}

Value sys_get(const char *name)
{
    return sys_mod ? dict_get_cstr(sys_mod->base.dict, name) : V_NULL;
}

static Value sys_exit(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("exit", kwnames) < 0 || args_count("exit", nargs, 0, 1) < 0)
        return V_NULL;
    Value exc = exc_new(&exc_SystemExit, args, nargs);
    return IS_NULL(exc) ? V_NULL : err_set_exc(exc);
}

static Value sys_getrecursionlimit(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("sys.getrecursionlimit", kwnames) < 0 ||
        args_count("sys.getrecursionlimit", nargs, 0, 0) < 0)
        return V_NULL;
    return V_INT(ts_recursion_limit);
}

static Value sys_setrecursionlimit(Value *args, int nargs, TupleObj *kwnames)
{
    int64_t n;
    if (args_no_kw("sys.setrecursionlimit", kwnames) < 0 ||
        args_count("sys.setrecursionlimit", nargs, 1, 1) < 0 ||
        args_int64(args[0], &n) < 0)
        return V_NULL;
    if (n < 1)
        return err_set(&exc_ValueError,
                       "recursion limit must be greater or equal than 1");
    if (n > INT_MAX)
        return err_set(&exc_OverflowError,
                       "Python int too large to convert to C int");
    /* CPython counts this native call as one more level. */
    int depth = (ts_current ? ts_current->depth : 0) + 1;
    if (depth >= n)
        return err_set(&exc_RecursionError,
                       "cannot set the recursion limit to %d at the recursion "
                       "depth %d: the limit is too low", (int)n, depth);
    ts_recursion_limit = (int)n;
    return V_NONE;
}

static Value sys_getswitchinterval(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("sys.getswitchinterval", kwnames) < 0 ||
        args_count("sys.getswitchinterval", nargs, 0, 0) < 0)
        return V_NULL;
    return V_FLOAT(gil_get_switch_interval());
}

static Value sys_setswitchinterval(Value *args, int nargs, TupleObj *kwnames)
{
    double d;
    if (args_no_kw("sys.setswitchinterval", kwnames) < 0 ||
        args_count("sys.setswitchinterval", nargs, 1, 1) < 0 ||
        args_double(args[0], &d) < 0)
        return V_NULL;
    if (!(d > 0))
        return err_set(&exc_ValueError,
                       "switch interval must be strictly positive");
    gil_set_switch_interval(d);
    return V_NONE;
}

static Value sys_exc_info(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("sys.exc_info", kwnames) < 0 ||
        args_count("sys.exc_info", nargs, 0, 0) < 0)
        return V_NULL;
    Value exc = ts_current ? ts_current->handled : V_NULL;
    if (IS_NULL(exc) || IS_NONE(exc))
        return V_OBJ(tuple_pack(3, V_NONE, V_NONE, V_NONE));
    TracebackObj *tb = ((ExcObj *)AS_OBJ(exc))->traceback;
    return V_OBJ(tuple_pack(3, V_OBJ(val_type(exc)), exc,
                            tb ? V_OBJ(tb) : V_NONE));
}

static Value sys_getframe(Value *args, int nargs, TupleObj *kwnames)
{
    int64_t depth = 0;
    if (args_no_kw("_getframe", kwnames) < 0 ||
        args_count("_getframe", nargs, 0, 1) < 0 ||
        (nargs == 1 && args_int64(args[0], &depth) < 0))
        return V_NULL;
    Frame *f = ts_current ? ts_current->frame : NULL;
    while (f && depth-- > 0)
        f = f->back;
    if (!f)
        return err_set(&exc_ValueError, "call stack is not deep enough");
    return frame_escape(f);
}

static Value sys_getdefaultencoding(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("sys.getdefaultencoding", kwnames) < 0 ||
        args_count("sys.getdefaultencoding", nargs, 0, 0) < 0)
        return V_NULL;
    return V_OBJ(str_from_cstr("utf-8"));
}

static const MethodDef sys_methods[] = {
    {"exit", sys_exit, 0},
    {"getrecursionlimit", sys_getrecursionlimit, NATIVE_NO_CHECK},
    {"setrecursionlimit", sys_setrecursionlimit, NATIVE_NO_CHECK},
    {"getswitchinterval", sys_getswitchinterval, NATIVE_NO_CHECK},
    {"setswitchinterval", sys_setswitchinterval, NATIVE_NO_CHECK},
    {"exc_info", sys_exc_info, NATIVE_NO_CHECK},
    {"_getframe", sys_getframe, NATIVE_NO_CHECK},
    {"getdefaultencoding", sys_getdefaultencoding, NATIVE_NO_CHECK},
    {NULL, NULL, 0},
};

static Value make_argv(int argc, char **argv)
{
    ListObj *l = list_new(0);
    for (int i = 0; i < argc; i++)
        list_append(l, V_OBJ(str_from_cstr(argv[i])));
    if (argc == 0)
        list_append(l, V_OBJ(str_from_cstr("")));
    return V_OBJ(l);
}

static Value executable_path(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    return V_OBJ(str_from_cstr(buf));
}

/* The standard streams: stderr is line-buffered (CPython 3.9+), stdout
 * only when it is a terminal, both unbuffered under -u.  None closes its
 * descriptor, as CPython's closefd=False. */
static void make_streams(int flags)
{
    uint32_t unbuf = (flags & STD_UNBUFFERED) ? FILE_UNBUF : 0;
    uint32_t out = unbuf | (isatty(1) ? FILE_LINEBUF : 0);
    /* On POSIX CPython opens stdin with newline="\n": no translation. */
    file_stdin = file_from_fd(0, V_OBJ(str_from_cstr("<stdin>")), "r",
                              FILE_RAW_NL);
    file_stdout = file_from_fd(1, V_OBJ(str_from_cstr("<stdout>")), "w", out);
    file_stderr = file_from_fd(2, V_OBJ(str_from_cstr("<stderr>")), "w",
                               unbuf | FILE_LINEBUF);
    file_stdin->encoding = file_stdout->encoding = "utf-8";
    file_stderr->encoding = "utf-8";
}

static void add_streams(ModuleObj *m)
{
    module_add(m, "stdin", V_OBJ(file_stdin));
    module_add(m, "stdout", V_OBJ(file_stdout));
    module_add(m, "stderr", V_OBJ(file_stderr));
    module_add(m, "__stdin__", V_OBJ(file_stdin));
    module_add(m, "__stdout__", V_OBJ(file_stdout));
    module_add(m, "__stderr__", V_OBJ(file_stderr));
}

static void add_version(ModuleObj *m)
{
    module_add(m, "version",
               V_OBJ(str_from_cstr("3.11.7 (sigvm " SIGVM_VERSION ") [GCC "
                                   __VERSION__ "]")));
    module_add(m, "version_info",
               V_OBJ(tuple_pack(5, V_INT(3), V_INT(11), V_INT(7),
                                V_OBJ(str_from_cstr("final")), V_INT(0))));
    module_add(m, "hexversion", V_INT(0x030b07f0));
    module_add(m, "implementation_name", V_OBJ(str_from_cstr("sigvm")));
}

/* sys.argv and the stream objects are made before any import. */
static void sys_setup(int argc, char **argv)
{
    ModuleObj *m = module_new("sys");
    sys_mod = m;
    make_streams(std_flags);
    add_streams(m);
    add_version(m);
    module_add_methods(m, sys_methods);
    module_add(m, "argv", make_argv(argc, argv));
    module_add(m, "platform", V_OBJ(str_from_cstr("linux")));
    module_add(m, "byteorder", V_OBJ(str_from_cstr(
        __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big")));
    module_add(m, "maxsize", V_INT(INT64_MAX));
    module_add(m, "maxunicode", V_INT(0x10ffff));
    module_add(m, "executable", executable_path());
    module_add(m, "path", V_OBJ(list_new(0)));
    module_add(m, "modules", V_OBJ(module_sys_modules()));
}

ModuleObj *sys_module_init(void)
{
    return sys_mod;
}

/* ---------------------------------------------------------------- wiring */

/* Tracebacks and "Exception ignored" reports go through sys.stderr's
 * buffer while it is still a file object, so they keep their order with
 * what the script wrote there; otherwise straight to descriptor 2.  The
 * error indicator is saved around the write, which must not disturb the
 * exception being reported. */
static void tb_write(const char *s, size_t n)
{
    Value err = sys_get("stderr");
    if (file_check(err) &&
        !(((FileObj *)AS_OBJ(err))->flags & FILE_CLOSED)) {
        Value saved = err_fetch();
        if (file_write((FileObj *)AS_OBJ(err), s, n) < 0)
            err_clear();
        err_restore(saved);
        return;
    }
    /* A script's own stream object: its write method, as CPython does. */
    if (!IS_NULL(err) && !IS_NONE(err)) {
        Value saved = err_fetch();
        Value text = V_OBJ(str_new(s, n));
        if (IS_NULL(obj_call_method(err, "write", &text, 1)))
            err_clear();
        err_restore(saved);
        return;
    }
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static void std_roots(void)
{
    gc_mark_obj((Obj *)sys_mod);
    gc_mark_obj((Obj *)file_stdin);
    gc_mark_obj((Obj *)file_stdout);
    gc_mark_obj((Obj *)file_stderr);
}

void std_init(int argc, char **argv, int flags)
{
    std_flags = flags;
    gc_register_roots(std_roots);
    file_init();
    sys_setup(argc, argv);
    module_register("sys", sys_module_init);
    module_register("time", time_module_init);
    module_register("errno", errno_module_init);
    module_register("gc", gcmod_module_init);
    osmod_register();
    selectmod_register();
    fhmod_register();
    dismod_register();
    threadmod_register();
    /* Installs SIGINT's default_int_handler and ignores SIGPIPE/SIGXFSZ,
     * as CPython does at start-up, before any script code runs. */
    sigmod_startup();
    /* sys and builtins are imported from the start, as in CPython. */
    dict_set_str(module_sys_modules(), str_intern_cstr("sys"),
                 V_OBJ(sys_mod));
    dict_set_str(module_sys_modules(), str_intern_cstr("builtins"),
                 V_OBJ(std_builtins_module()));
    tb_write_hook = tb_write;
}

/* Flush one stream; a replaced sys.stdout is flushed through its method. */
static int flush_stream(Value s)
{
    if (IS_NULL(s) || IS_NONE(s))
        return 0;
    if (file_check(s))
        return file_flush((FileObj *)AS_OBJ(s));
    Value r = obj_call_method(s, "flush", NULL, 0);
    return IS_NULL(r) ? -1 : 0;
}

int std_flush_stdio(void)
{
    Value exc = V_NULL;
    gc_root_push(&exc);
    if (flush_stream(sys_get("stdout")) < 0)
        exc = err_fetch();
    if (flush_stream(sys_get("stderr")) < 0) {
        if (IS_NULL(exc))
            exc = err_fetch();
        else
            err_clear();
    }
    gc_root_pop(1);
    if (IS_NULL(exc))
        return 0;
    err_restore(exc);
    return -1;
}
