/* mod_os.c - the `os` module: processes, pipes and file descriptors.
 *
 * Every call that may block goes through blk_call (runtime/blocking.h), so
 * it follows PEP 475: on EINTR the pending signal handlers run, and the
 * call is retried unless one raised.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/blocking.h"
#include "runtime/runtime.h"
#include "runtime/signals.h"
#include "stdlib.h"

extern char **environ;

static Value oserror(void)
{
    return err_from_errno(&exc_OSError, errno);
}

/* CPython's os functions come from argument clinic with three message
 * styles; each helper reproduces one. */

/* "read expected 2 arguments, got 0", "posix.getpid() takes no arguments
 * (1 given)", "posix.strerror() takes exactly one argument (0 given)". */
static int fixed_args(const char *fname, int nargs, TupleObj *kwnames, int n)
{
    if (args_no_kw(fname, kwnames) < 0 || args_count(fname, nargs, n, n) < 0)
        return -1;
    return 0;
}

/* "kill() takes exactly 2 arguments (3 given)" (kill, waitpid). */
static int exact_args(const char *fname, int nargs, TupleObj *kwnames, int n)
{
    if (args_no_kw(fname, kwnames) < 0)
        return -1;
    if (nargs != n) {
        err_set(&exc_TypeError, "%s() takes exactly %d arguments (%d given)",
                fname, n, nargs);
        return -1;
    }
    return 0;
}

/* Parameters that may also be passed by keyword: "close() missing
 * required argument 'fd' (pos 1)", "close() takes at most 1 argument
 * (2 given)".  `word` is "argument" or "positional argument". */
static int kw_args(const char *fname, Value *args, int nargs, TupleObj *kwnames,
                   const char *const *names, int n, int nrequired,
                   const char *word, Value *out)
{
    if (nargs > n) {
        err_set(&exc_TypeError, "%s() takes at most %d %s%s (%d given)", fname,
                n, word, n == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : V_NULL;
    int nkw = kwnames ? (int)kwnames->n : 0;
    for (int k = 0; k < nkw; k++) {
        const char *key = STR_CSTR((StrObj *)AS_OBJ(kwnames->items[k]));
        int i = 0;
        while (i < n && strcmp(names[i], key) != 0)
            i++;
        if (i == n) {
            err_set(&exc_TypeError, "'%s' is an invalid keyword argument for "
                    "%s()", key, fname);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++)
        if (IS_NULL(out[i])) {
            err_set(&exc_TypeError, "%s() missing required argument '%s' "
                    "(pos %d)", fname, names[i], i + 1);
            return -1;
        }
    return 0;
}

static const char *const status_param[] = {"status"};
static const char *const fd_param[] = {"fd"};

static Value os_getpid(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (fixed_args("posix.getpid", nargs, kwnames, 0) < 0)
        return V_NULL;
    return V_INT(getpid());
}

static Value os_getppid(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (fixed_args("posix.getppid", nargs, kwnames, 0) < 0)
        return V_NULL;
    return V_INT(getppid());
}

static Value os_kill(Value *args, int nargs, TupleObj *kwnames)
{
    int64_t pid;
    int signum;
    if (exact_args("kill", nargs, kwnames, 2) < 0 ||
        args_int64(args[0], &pid) < 0 || args_int(args[1], &signum) < 0)
        return V_NULL;
    if (kill((pid_t)pid, signum) != 0)
        return oserror();
    /* A process that signals itself runs the handler inside this call
     * (3.11, gh-90623). */
    if (sig_check() < 0)
        return V_NULL;
    return V_NONE;
}

static Value os_pipe(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    int fds[2];
    if (fixed_args("posix.pipe", nargs, kwnames, 0) < 0)
        return V_NULL;
    /* Non-inheritable, as CPython's (PEP 446). */
    if (pipe2(fds, O_CLOEXEC) != 0)
        return oserror();
    return V_OBJ(tuple_pack(2, V_INT(fds[0]), V_INT(fds[1])));
}

static Value os_read(Value *args, int nargs, TupleObj *kwnames)
{
    int fd;
    int64_t n;
    if (fixed_args("read", nargs, kwnames, 2) < 0 || args_int(args[0], &fd) < 0 ||
        args_int64(args[1], &n) < 0)
        return V_NULL;
    if (n < 0) {
        errno = EINVAL;
        return oserror();
    }
    char *buf = malloc((size_t)n + 1);
    if (buf == NULL)
        return err_no_memory();
    ssize_t got;
    int rc = blk_read(fd, buf, (size_t)n, &got);
    Value result;
    if (rc == BLK_RAISED)
        result = V_NULL;
    else if (rc < 0)
        result = oserror();
    else
        result = V_OBJ(bytes_new(buf, (size_t)got));
    free(buf);
    return result;
}

typedef struct WriteArgs {
    int fd;
    const void *data;
    size_t n;
    ssize_t written;
} WriteArgs;

static int attempt_write(void *arg, double remaining)
{
    (void)remaining;
    WriteArgs *w = arg;
    w->written = write(w->fd, w->data, w->n);
    return w->written < 0 ? -1 : 0;
}

static Value os_write(Value *args, int nargs, TupleObj *kwnames)
{
    int fd;
    if (fixed_args("write", nargs, kwnames, 2) < 0 || args_int(args[0], &fd) < 0)
        return V_NULL;
    if (!IS_TYPE(args[1], bytes_type))
        return err_set(&exc_TypeError, "a bytes-like object is required, not '%s'",
                       val_type_name(args[1]));
    BytesObj *b = (BytesObj *)AS_OBJ(args[1]);
    /* One write(2), as os.write: a short count goes back to the script. */
    WriteArgs w = {fd, b->data, b->n, 0};
    int rc = blk_call(attempt_write, &w, -1.0);
    if (rc == BLK_RAISED)
        return V_NULL;
    if (rc < 0)
        return oserror();
    return V_INT(w.written);
}

static Value os_close(Value *args, int nargs, TupleObj *kwnames)
{
    int fd;
    Value a[1];
    if (kw_args("close", args, nargs, kwnames, fd_param, 1, 1, "argument", a) < 0 ||
        args_int(a[0], &fd) < 0)
        return V_NULL;
    /* PEP 475: close() is not retried on EINTR (the fd is gone anyway). */
    if (close(fd) != 0 && errno != EINTR)
        return oserror();
    return V_NONE;
}

typedef struct OpenArgs {
    const char *path;
    int flags;
    int mode;
} OpenArgs;

static int attempt_open(void *arg, double remaining)
{
    (void)remaining;
    OpenArgs *o = arg;
    return open(o->path, o->flags, o->mode);
}

static const char *const open_params[] = {"path", "flags", "mode"};

static Value os_open(Value *args, int nargs, TupleObj *kwnames)
{
    Value a[3];
    OpenArgs o = {NULL, 0, 0777};
    StrObj *path;
    if (kw_args("open", args, nargs, kwnames, open_params, 3, 2,
                "positional argument", a) < 0 ||
        args_str("open", 1, a[0], &path) < 0 || args_int(a[1], &o.flags) < 0 ||
        (!IS_NULL(a[2]) && args_int(a[2], &o.mode) < 0))
        return V_NULL;
    o.path = STR_CSTR(path);
    o.flags |= O_CLOEXEC;
    int fd = blk_call(attempt_open, &o, -1.0);
    if (fd == BLK_RAISED)
        return V_NULL;
    if (fd < 0) {
        err_from_errno(&exc_OSError, errno);
        Value e = err_fetch();
        obj_setattr(e, str_intern_cstr("filename"), V_OBJ(path));
        err_restore(e);
        return V_NULL;
    }
    return V_INT(fd);
}

static Value os_set_blocking(Value *args, int nargs, TupleObj *kwnames)
{
    int fd;
    if (fixed_args("set_blocking", nargs, kwnames, 2) < 0 ||
        args_int(args[0], &fd) < 0)
        return V_NULL;
    int blocking = obj_truthy(args[1]);
    if (blocking < 0)
        return V_NULL;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return oserror();
    flags = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
    if (fcntl(fd, F_SETFL, flags) < 0)
        return oserror();
    return V_NONE;
}

static Value os_get_blocking(Value *args, int nargs, TupleObj *kwnames)
{
    int fd;
    if (fixed_args("posix.get_blocking", nargs, kwnames, 1) < 0 ||
        args_int(args[0], &fd) < 0)
        return V_NULL;
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return oserror();
    return V_BOOL(!(flags & O_NONBLOCK));
}

static Value os_strerror(Value *args, int nargs, TupleObj *kwnames)
{
    int code;
    if (fixed_args("posix.strerror", nargs, kwnames, 1) < 0 || args_int(args[0], &code) < 0)
        return V_NULL;
    return V_OBJ(str_from_cstr(strerror(code)));
}

/* Hooks the interpreter fills in: flush what must not be written twice
 * and reset thread and signal state in the child. */
void (*os_before_fork_hook)(void);
void (*os_after_fork_child_hook)(void);

static Value os_fork(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (fixed_args("posix.fork", nargs, kwnames, 0) < 0)
        return V_NULL;
    if (os_before_fork_hook)
        os_before_fork_hook();
    pid_t pid = fork();
    if (pid < 0)
        return oserror();
    if (pid == 0) {
        /* The forking thread is the child's main thread; signals that
         * tripped before the fork belong to the parent. */
        sig_after_fork();
        if (os_after_fork_child_hook)
            os_after_fork_child_hook();
    }
    return V_INT(pid);
}

typedef struct WaitArgs {
    pid_t pid;
    int options;
    int status;
    pid_t result;
} WaitArgs;

static int attempt_waitpid(void *arg, double remaining)
{
    (void)remaining;
    WaitArgs *w = arg;
    w->result = waitpid(w->pid, &w->status, w->options);
    return w->result < 0 ? -1 : 0;
}

static Value os_waitpid(Value *args, int nargs, TupleObj *kwnames)
{
    int64_t pid;
    WaitArgs w = {0, 0, 0, 0};
    if (exact_args("waitpid", nargs, kwnames, 2) < 0 ||
        args_int64(args[0], &pid) < 0 || args_int(args[1], &w.options) < 0)
        return V_NULL;
    w.pid = (pid_t)pid;
    int rc = blk_call(attempt_waitpid, &w, -1.0);
    if (rc == BLK_RAISED)
        return V_NULL;
    if (rc < 0)
        return oserror();
    return V_OBJ(tuple_pack(2, V_INT(w.result), V_INT(w.status)));
}

static Value os__exit(Value *args, int nargs, TupleObj *kwnames)
{
    int code;
    Value a[1];
    if (kw_args("_exit", args, nargs, kwnames, status_param, 1, 1, "argument",
                a) < 0 ||
        args_int(a[0], &code) < 0)
        return V_NULL;
    _exit(code);
}

static int status_arg(const char *fname, Value *args, int nargs,
                      TupleObj *kwnames, int *status)
{
    Value a[1];
    if (kw_args(fname, args, nargs, kwnames, status_param, 1, 1, "argument",
                a) < 0)
        return -1;
    return args_int(a[0], status);
}

#define STATUS_PREDICATE(fname, expr, wrap) \
    static Value os_##fname(Value *args, int nargs, TupleObj *kwnames) \
    { \
        int status; \
        if (status_arg(#fname, args, nargs, kwnames, &status) < 0) \
            return V_NULL; \
        return wrap(expr(status)); \
    }
STATUS_PREDICATE(WIFEXITED, WIFEXITED, V_BOOL)
STATUS_PREDICATE(WEXITSTATUS, WEXITSTATUS, V_INT)
STATUS_PREDICATE(WIFSIGNALED, WIFSIGNALED, V_BOOL)
STATUS_PREDICATE(WTERMSIG, WTERMSIG, V_INT)
STATUS_PREDICATE(WIFSTOPPED, WIFSTOPPED, V_BOOL)
STATUS_PREDICATE(WSTOPSIG, WSTOPSIG, V_INT)

static const char *const getenv_params[] = {"key", "default"};

static Value os_getenv(Value *args, int nargs, TupleObj *kwnames)
{
    Value a[2];
    StrObj *key;
    if (args_bind("getenv", args, nargs, kwnames, getenv_params, 2, 2, 1, a) < 0 ||
        args_str("getenv", 1, a[0], &key) < 0)
        return V_NULL;
    const char *v = getenv(STR_CSTR(key));
    if (v != NULL)
        return V_OBJ(str_from_cstr(v));
    return IS_NULL(a[1]) ? V_NONE : a[1];
}

/* os.environ: a mapping of str to str whose changes reach the process
 * environment (setenv/unsetenv), so a forked child and getenv see them. */
typedef struct EnvironObj {
    Obj hdr;
    DictObj *d;
} EnvironObj;

static TypeObj environ_type;

static DictObj *env_dict(Value self)
{
    return ((EnvironObj *)AS_OBJ(self))->d;
}

static void environ_trace(Obj *o)
{
    gc_mark_obj((Obj *)((EnvironObj *)o)->d);
}

static int env_str(Value v, StrObj **out)
{
    if (!IS_TYPE(v, str_type)) {
        err_set(&exc_TypeError, "str expected, not %s", val_type_name(v));
        return -1;
    }
    *out = (StrObj *)AS_OBJ(v);
    return 0;
}

static Value environ_getitem(Value self, Value key)
{
    Value v;
    int found = dict_lookup(env_dict(self), key, &v);
    if (found < 0)
        return V_NULL;
    if (!found)
        return err_set_obj(&exc_KeyError, key);
    return v;
}

static int environ_setitem(Value self, Value key, Value v)
{
    StrObj *k, *val;
    if (env_str(key, &k) < 0)
        return -1;
    if (IS_NULL(v)) {
        if (dict_del(env_dict(self), key) < 0)
            return -1;
        unsetenv(STR_CSTR(k));
        return 0;
    }
    if (env_str(v, &val) < 0)
        return -1;
    if (setenv(STR_CSTR(k), STR_CSTR(val), 1) != 0) {
        err_from_errno(&exc_OSError, errno);
        return -1;
    }
    return dict_set(env_dict(self), key, v);
}

static int environ_contains(Value self, Value key)
{
    Value v;
    return dict_lookup(env_dict(self), key, &v);
}

static int64_t environ_len(Value self)
{
    return (int64_t)env_dict(self)->used;
}

static Value environ_iter(Value self)
{
    return obj_iter(V_OBJ(env_dict(self)));
}

static Value environ_repr(Value self)
{
    Value r = obj_repr(V_OBJ(env_dict(self)));
    if (IS_NULL(r))
        return V_NULL;
    return V_OBJ(str_printf("environ(%s)", STR_CSTR((StrObj *)AS_OBJ(r))));
}

/* The dict methods (get, keys, items, values, copy) answer from the
 * mirror dict. */
static Value environ_forward(Value *args, int nargs, TupleObj *kwnames,
                             const char *name)
{
    Value d = V_OBJ(env_dict(args[0]));
    Value m = obj_getattr_cstr(d, name);
    if (IS_NULL(m))
        return V_NULL;
    return obj_call(m, args + 1, nargs - 1, kwnames);
}

#define ENVIRON_FORWARD(name) \
    static Value environ_##name(Value *args, int nargs, TupleObj *kwnames) \
    { \
        return environ_forward(args, nargs, kwnames, #name); \
    }
ENVIRON_FORWARD(get)
ENVIRON_FORWARD(keys)
ENVIRON_FORWARD(items)
ENVIRON_FORWARD(values)
ENVIRON_FORWARD(copy)

static const MethodDef environ_methods[] = {
    {"get", environ_get, NATIVE_METHOD},
    {"keys", environ_keys, NATIVE_METHOD},
    {"items", environ_items, NATIVE_METHOD},
    {"values", environ_values, NATIVE_METHOD},
    {"copy", environ_copy, NATIVE_METHOD},
    {NULL, NULL, 0},
};

static TypeObj environ_type = {
    .name = "_Environ",
    .instance_size = sizeof(EnvironObj),
    .trace = environ_trace,
    .repr = environ_repr,
    .getitem = environ_getitem,
    .setitem = environ_setitem,
    .contains = environ_contains,
    .len = environ_len,
    .iter = environ_iter,
};

static Value environ_new(void)
{
    environ_type.base_hdr.hdr.type = &type_type;
    environ_type.base = &object_type;
    environ_type.module = str_intern_cstr("os");
    type_add_methods(&environ_type, environ_methods);
    EnvironObj *e = gc_alloc(&environ_type, sizeof(EnvironObj));
    e->d = dict_new();
    for (char **p = environ; p && *p; p++) {
        const char *eq = strchr(*p, '=');
        if (eq == NULL)
            continue;
        Value k = V_OBJ(str_new(*p, (size_t)(eq - *p)));
        dict_set(e->d, k, V_OBJ(str_from_cstr(eq + 1)));
    }
    return V_OBJ(e);
}

static const MethodDef os_methods[] = {
    {"getpid", os_getpid, 0},
    {"getppid", os_getppid, 0},
    {"kill", os_kill, 0},
    {"pipe", os_pipe, 0},
    {"read", os_read, 0},
    {"write", os_write, 0},
    {"close", os_close, 0},
    {"open", os_open, 0},
    {"set_blocking", os_set_blocking, 0},
    {"get_blocking", os_get_blocking, 0},
    {"strerror", os_strerror, 0},
    {"fork", os_fork, 0},
    {"waitpid", os_waitpid, 0},
    {"_exit", os__exit, 0},
    {"WIFEXITED", os_WIFEXITED, 0},
    {"WEXITSTATUS", os_WEXITSTATUS, 0},
    {"WIFSIGNALED", os_WIFSIGNALED, 0},
    {"WTERMSIG", os_WTERMSIG, 0},
    {"WIFSTOPPED", os_WIFSTOPPED, 0},
    {"WSTOPSIG", os_WSTOPSIG, 0},
    {"getenv", os_getenv, 0},
    {NULL, NULL, 0},
};

static const struct {
    const char *name;
    int value;
} os_constants[] = {
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
    {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
    {"O_APPEND", O_APPEND}, {"O_NONBLOCK", O_NONBLOCK},
    {"O_CLOEXEC", O_CLOEXEC}, {"O_NOCTTY", O_NOCTTY}, {"O_SYNC", O_SYNC},
    {"O_DIRECTORY", O_DIRECTORY}, {"WNOHANG", WNOHANG},
    {"WUNTRACED", WUNTRACED}, {"F_OK", F_OK}, {"R_OK", R_OK},
    {"W_OK", W_OK}, {"X_OK", X_OK},
};

static ModuleObj *os_module_init(void)
{
    ModuleObj *m = module_new("os");
    module_add_methods(m, os_methods);
    for (size_t i = 0; i < sizeof os_constants / sizeof os_constants[0]; i++)
        module_add(m, os_constants[i].name, V_INT(os_constants[i].value));
    module_add(m, "name", V_OBJ(str_from_cstr("posix")));
    module_add(m, "sep", V_OBJ(str_from_cstr("/")));
    module_add(m, "linesep", V_OBJ(str_from_cstr("\n")));
    module_add(m, "environ", environ_new());
    return m;
}

void osmod_register(void)
{
    module_register("os", os_module_init);
}
