/* mod_select.c - the `select` module: select() and poll objects.
 *
 * Both wait through blk_call with a deadline, so after a signal handler
 * that did not raise they go on waiting for the time that remains (PEP
 * 475), and a handler that raised aborts the wait with its exception.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

#include "runtime/blocking.h"
#include "runtime/runtime.h"
#include "pytime.h"
#include "stdlib.h"

/* An fd from an int or from an object with fileno(). */
static int fd_of(Value v, int *fd)
{
    if (!IS_INTLIKE(v) && !val_as_int_subclass(v, &(int64_t){0})) {
        if (!obj_hasattr(v, str_intern_cstr("fileno"))) {
            err_set(&exc_TypeError,
                    "argument must be an int, or have a fileno() method.");
            return -1;
        }
        Value r = obj_call_method(v, "fileno", NULL, 0);
        if (IS_NULL(r))
            return -1;
        v = r;
    }
    if (args_int(v, fd) < 0)
        return -1;
    if (*fd < 0) {
        err_set(&exc_ValueError,
                "file descriptor cannot be a negative integer (%d)", *fd);
        return -1;
    }
    return 0;
}

/* The timeout argument in nanoseconds: 0 for None (wait forever), 1 for a
 * number of `unit`s (rounded away from zero, CPython's ROUND_TIMEOUT), -1
 * with an exception; `what` names the accepted types in the TypeError, as
 * select and poll differ. */
static int parse_timeout(Value v, int64_t unit, const char *what, int64_t *ns)
{
    if (IS_NULL(v) || IS_NONE(v))
        return 0;
    if (pt_from_object(v, unit, PT_TIMEOUT, ns) == 0)
        return 1;
    if (err_matches(&exc_TypeError)) {
        err_clear();
        err_set(&exc_TypeError, "timeout must be %s or None", what);
    }
    return -1;
}

typedef struct FdList {
    Value seq; /* the caller's list: items are returned as given */
    ListObj *items;
    int *fds;
} FdList;

static int fdlist_load(FdList *l, Value seq)
{
    Value list = list_from_iter(seq);
    if (IS_NULL(list)) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_set(&exc_TypeError, "arguments 1-3 must be sequences");
        }
        return -1;
    }
    l->seq = list;
    l->items = (ListObj *)AS_OBJ(list);
    l->fds = calloc(l->items->n + 1, sizeof(int));
    if (l->fds == NULL) {
        err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < l->items->n; i++) {
        if (fd_of(l->items->items[i], &l->fds[i]) < 0)
            return -1;
        if (l->fds[i] >= FD_SETSIZE) {
            err_set(&exc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
    }
    return 0;
}

typedef struct SelectArgs {
    FdList lists[3];
    fd_set sets[3];
    fd_set ready[3];
    int maxfd;
} SelectArgs;

static int attempt_select(void *arg, double remaining)
{
    SelectArgs *s = arg;
    struct timeval tv, *tvp = NULL;
    memcpy(s->ready, s->sets, sizeof s->ready);
    if (remaining >= 0) {
        tv.tv_sec = (time_t)remaining;
        tv.tv_usec = (suseconds_t)((remaining - (double)tv.tv_sec) * 1e6);
        tvp = &tv;
    }
    return select(s->maxfd + 1, &s->ready[0], &s->ready[1], &s->ready[2], tvp);
}

static Value ready_list(FdList *l, fd_set *ready)
{
    ListObj *out = list_new(0);
    for (size_t i = 0; i < l->items->n; i++)
        if (FD_ISSET(l->fds[i], ready) && list_append(out, l->items->items[i]) < 0)
            return V_NULL;
    return V_OBJ(out);
}

static Value select_select(Value *args, int nargs, TupleObj *kwnames)
{
    SelectArgs s;
    int64_t ns;
    memset(&s, 0, sizeof s);
    if (args_no_kw("select", kwnames) < 0 || args_count("select", nargs, 3, 4) < 0)
        return V_NULL;
    int timed = parse_timeout(nargs > 3 ? args[3] : V_NULL, PT_SECONDS,
                              "a float", &ns);
    if (timed < 0)
        return V_NULL;
    if (timed && ns < 0)
        return err_set(&exc_ValueError, "timeout must be non-negative");
    double timeout = timed ? pt_seconds(ns) : -1.0;
    Value result = V_NULL;
    int loaded = 0;
    for (; loaded < 3; loaded++) {
        gc_root_push(&s.lists[loaded].seq);
        if (fdlist_load(&s.lists[loaded], args[loaded]) < 0) {
            loaded++;
            goto done;
        }
        FD_ZERO(&s.sets[loaded]);
        for (size_t i = 0; i < s.lists[loaded].items->n; i++) {
            FD_SET(s.lists[loaded].fds[i], &s.sets[loaded]);
            if (s.lists[loaded].fds[i] > s.maxfd)
                s.maxfd = s.lists[loaded].fds[i];
        }
    }
    int rc = blk_call(attempt_select, &s, timeout);
    if (rc == BLK_RAISED)
        goto done;
    if (rc == BLK_TIMEDOUT) {
        for (int i = 0; i < 3; i++)
            FD_ZERO(&s.ready[i]);
    } else if (rc < 0) {
        err_from_errno(&exc_OSError, errno);
        goto done;
    }
    Value r = ready_list(&s.lists[0], &s.ready[0]);
    gc_root_push(&r);
    Value w = ready_list(&s.lists[1], &s.ready[1]);
    gc_root_push(&w);
    Value x = ready_list(&s.lists[2], &s.ready[2]);
    result = V_OBJ(tuple_pack(3, r, w, x));
    gc_root_pop(2);
done:
    for (int i = 0; i < loaded; i++)
        free(s.lists[i].fds);
    gc_root_pop(loaded);
    return result;
}

/* ---- poll objects -------------------------------------------------------- */

typedef struct PollObj {
    Obj hdr;
    DictObj *fds; /* fd -> event mask, in registration order */
    int polling;
} PollObj;

static TypeObj poll_type;

static void poll_trace(Obj *o)
{
    gc_mark_obj((Obj *)((PollObj *)o)->fds);
}

static PollObj *poll_self(Value v)
{
    return (PollObj *)AS_OBJ(v);
}

static Value poll_register(Value *args, int nargs, TupleObj *kwnames)
{
    int fd, mask = POLLIN | POLLPRI | POLLOUT;
    if (args_no_kw("register", kwnames) < 0 ||
        args_count("register", nargs - 1, 1, 2) < 0 || fd_of(args[1], &fd) < 0)
        return V_NULL;
    if (nargs > 2 && !IS_INTLIKE(args[2]))
        return err_set(&exc_TypeError, "an integer is required");
    if (nargs > 2 && args_int(args[2], &mask) < 0)
        return V_NULL;
    if (dict_set(poll_self(args[0])->fds, V_INT(fd), V_INT(mask)) < 0)
        return V_NULL;
    return V_NONE;
}

static Value poll_modify(Value *args, int nargs, TupleObj *kwnames)
{
    int fd, mask;
    if (args_no_kw("modify", kwnames) < 0 ||
        args_count("modify", nargs - 1, 2, 2) < 0 || fd_of(args[1], &fd) < 0 ||
        args_int(args[2], &mask) < 0)
        return V_NULL;
    Value old;
    int found = dict_lookup(poll_self(args[0])->fds, V_INT(fd), &old);
    if (found <= 0)
        return found < 0 ? V_NULL : err_from_errno(&exc_FileNotFoundError, ENOENT);
    if (dict_set(poll_self(args[0])->fds, V_INT(fd), V_INT(mask)) < 0)
        return V_NULL;
    return V_NONE;
}

static Value poll_unregister(Value *args, int nargs, TupleObj *kwnames)
{
    int fd;
    if (args_no_kw("unregister", kwnames) < 0 ||
        args_count("unregister", nargs - 1, 1, 1) < 0 || fd_of(args[1], &fd) < 0)
        return V_NULL;
    if (dict_del(poll_self(args[0])->fds, V_INT(fd)) < 0)
        return V_NULL;
    return V_NONE;
}

typedef struct PollArgs {
    struct pollfd *fds;
    nfds_t n;
} PollArgs;

static int attempt_poll(void *arg, double remaining)
{
    PollArgs *p = arg;
    int ms = remaining < 0 ? -1 : (int)ceil(remaining * 1000.0);
    return poll(p->fds, p->n, ms);
}

static Value poll_results(PollArgs *p)
{
    ListObj *out = list_new(0);
    Value result = V_OBJ(out);
    for (nfds_t i = 0; i < p->n; i++) {
        if (p->fds[i].revents == 0)
            continue;
        Value pair = V_OBJ(tuple_pack(2, V_INT(p->fds[i].fd),
                                      V_INT(p->fds[i].revents)));
        if (list_append(out, pair) < 0)
            return V_NULL;
    }
    return result;
}

static Value poll_poll(Value *args, int nargs, TupleObj *kwnames)
{
    int64_t ns;
    if (args_no_kw("poll", kwnames) < 0 || args_count("poll", nargs - 1, 0, 1) < 0)
        return V_NULL;
    int timed = parse_timeout(nargs > 1 ? args[1] : V_NULL, PT_MILLISECONDS,
                              "an integer", &ns);
    if (timed < 0)
        return V_NULL;
    /* CPython checks the millisecond count against poll(2)'s int for
     * either sign, then waits forever for any negative timeout. */
    int64_t ms = timed ? pt_divide(ns, PT_MILLISECONDS, PT_TIMEOUT) : -1;
    if (ms < INT_MIN || ms > INT_MAX)
        return err_set(&exc_OverflowError, "timeout is too large");
    double timeout = ms < 0 ? -1.0 : pt_seconds(ns);
    PollObj *self = poll_self(args[0]);
    if (self->polling)
        return err_set(&exc_RuntimeError, "concurrent poll() invocation");
    PollArgs p;
    p.n = (nfds_t)self->fds->used;
    p.fds = calloc(p.n + 1, sizeof(struct pollfd));
    if (p.fds == NULL)
        return err_no_memory();
    size_t pos = 0;
    Value k, v;
    for (nfds_t i = 0; dict_next(self->fds, &pos, &k, &v); i++) {
        p.fds[i].fd = (int)AS_INT(k);
        p.fds[i].events = (short)AS_INT(v);
    }
    self->polling = 1;
    int rc = blk_call(attempt_poll, &p, timeout);
    self->polling = 0;
    Value result;
    if (rc == BLK_RAISED)
        result = V_NULL;
    else if (rc == BLK_TIMEDOUT)
        result = V_OBJ(list_new(0));
    else if (rc < 0)
        result = err_from_errno(&exc_OSError, errno);
    else
        result = poll_results(&p);
    free(p.fds);
    return result;
}

static const MethodDef poll_methods[] = {
    {"register", poll_register, NATIVE_METHOD},
    {"modify", poll_modify, NATIVE_METHOD},
    {"unregister", poll_unregister, NATIVE_METHOD},
    {"poll", poll_poll, NATIVE_METHOD},
    {NULL, NULL, 0},
};

static TypeObj poll_type = {
    .name = "poll",
    .instance_size = sizeof(PollObj),
    .trace = poll_trace,
};

static Value select_poll(Value *args, int nargs, TupleObj *kwnames)
{
    (void)args;
    if (args_no_kw("poll", kwnames) < 0 || args_count("poll", nargs, 0, 0) < 0)
        return V_NULL;
    PollObj *p = gc_alloc(&poll_type, sizeof(PollObj));
    p->fds = dict_new();
    return V_OBJ(p);
}

static const MethodDef select_methods[] = {
    {"select", select_select, 0},
    {"poll", select_poll, 0},
    {NULL, NULL, 0},
};

static const struct {
    const char *name;
    int value;
} poll_constants[] = {
    {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT},
    {"POLLERR", POLLERR}, {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL},
    {"POLLRDNORM", POLLRDNORM}, {"POLLWRNORM", POLLWRNORM},
};

static ModuleObj *select_module_init(void)
{
    ModuleObj *m = module_new("select");
    poll_type.base_hdr.hdr.type = &type_type;
    poll_type.base = &object_type;
    poll_type.module = str_intern_cstr("select");
    type_add_methods(&poll_type, poll_methods);
    module_add_methods(m, select_methods);
    for (size_t i = 0; i < sizeof poll_constants / sizeof poll_constants[0]; i++)
        module_add(m, poll_constants[i].name, V_INT(poll_constants[i].value));
    module_add(m, "error", V_OBJ(&exc_OSError));
    return m;
}

void selectmod_register(void)
{
    module_register("select", select_module_init);
}
