/* gen.c - generator objects.
 *
 * A generator owns its frame.  Resuming pushes the sent value on the
 * frame's stack and runs it in a nested loop until YIELD_VALUE (or a
 * YIELD_FROM that yields) returns from the loop with the frame unfinished,
 * or it returns or raises out (frame finished).  While suspended the frame
 * is unlinked (f_back NULL) and its lasti and stack depth are saved.
 *
 * `yield from` delegation: a frame suspended inside YIELD_FROM has the
 * sub-iterator on top of its stack and its next instruction is that
 * YIELD_FROM; throw() and close() forward to the sub-iterator first, as
 * CPython's _gen_throw does.
 */
#include <string.h>

#include "vm/vm.h"

static void gen_trace(Obj *self)
{
    GenObj *g = (GenObj *)self;
    gc_mark_obj((Obj *)g->frame);
    gc_mark_obj((Obj *)g->name);
    gc_mark_obj((Obj *)g->qualname);
    gc_mark_value(g->handled);
}

Value gen_new(Frame *f, FuncObj *fn)
{
    GenObj *g = gc_alloc(&gen_type, sizeof(GenObj));
    f->is_gen = 1;
    g->frame = f;
    g->name = fn->name != NULL ? fn->name : fn->code->name;
    g->qualname = fn->qualname != NULL ? fn->qualname : fn->code->qualname;
    g->handled = V_NULL;
    const Frame *caller = ts_current->frame;
    if (caller != NULL) {
        g->birth_frame = caller;
        g->birth_code = caller->code;
        g->birth_lasti = caller->lasti;
    }
    return V_OBJ(g);
}

void gen_claim_for_loop(Value it, const Frame *f, int call_index)
{
    if (!IS_TYPE(it, gen_type))
        return;
    GenObj *g = (GenObj *)AS_OBJ(it);
    if (g->birth_frame == f && g->birth_code == f->code &&
        g->birth_lasti == call_index && !g->started)
        g->loop_owned = 1;
    g->birth_frame = NULL; /* one look: a stale match must never come */
}

void gen_loop_release(Value it)
{
    if (!IS_TYPE(it, gen_type))
        return;
    GenObj *g = (GenObj *)AS_OBJ(it);
    if (!g->loop_owned || !g->started || g->frame->finished)
        return;
    g->loop_owned = 0;
    Value saved = err_fetch();
    gc_root_push(&saved);
    gc_root_push(&it);
    if (IS_NULL(gen_close(it))) {
        Value exc = err_fetch();
        err_write_unraisable(exc, NULL, it);
    }
    gc_root_pop(2);
    err_restore(saved);
}

static int frame_in_handler(Frame *f)
{
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i].kind == BLOCK_EXCEPT_HANDLER)
            return 1;
    return 0;
}

/* PEP 479: a StopIteration escaping the generator body becomes
 * RuntimeError, with the StopIteration as its cause. */
static void convert_stopiteration(void)
{
    Value si = err_fetch();
    err_set(&exc_RuntimeError, "generator raised StopIteration");
    ExcObj *e = (ExcObj *)AS_OBJ(err_peek());
    e->cause = si;
    e->context = si;
    e->suppress_context = 1;
}

/* Run the generator one step.  *done is set when the frame finished:
 * then the result is the return value, or V_NULL with the exception set.
 * Otherwise it is the yielded value.  throwing: the exception already set
 * is raised at the frame's current instruction. */
static Value gen_resume(GenObj *g, Value send, int throwing, int *done)
{
    ThreadState *ts = ts_current;
    Frame *f = g->frame;
    *done = 1;
    if (g->running)
        return err_set(&exc_ValueError, "generator already executing");
    /* Finished: exhausted (no exception), or a thrown exception
     * propagates as it is. */
    if (f->finished)
        return V_NULL;
    if (!g->started && !throwing && !IS_NONE(send))
        return err_set(&exc_TypeError, "can't send non-None value to a "
                                       "just-started generator");
    if (ts->depth >= ts_recursion_limit)
        return err_set(&exc_RecursionError, "maximum recursion depth exceeded");
    if (!throwing)
        FRAME_STACK(f)[f->stackdepth++] = send;
    Value caller_handled = ts->handled;
    if (!IS_NULL(g->handled))
        ts->handled = g->handled;
    f->back = ts->frame;
    ts->frame = f;
    ts->depth++;
    g->running = 1;
    g->started = 1;
    Value r = vm_eval(f, throwing);
    g->running = 0;
    ts->depth--;
    ts->frame = f->back;
    f->back = NULL;
    g->handled = !f->finished && frame_in_handler(f) ? ts->handled : V_NULL;
    ts->handled = caller_handled;
    *done = f->finished;
    if (f->finished && IS_NULL(r) && err_matches(&exc_StopIteration))
        convert_stopiteration();
    return r;
}

static void set_stopiteration(Value v)
{
    if (IS_NONE(v))
        err_set_exc(V_OBJ(&exc_StopIteration));
    else
        err_set_obj(&exc_StopIteration, v);
}

Value gen_send(Value gen, Value v)
{
    int done;
    Value r = gen_resume((GenObj *)AS_OBJ(gen), v, 0, &done);
    if (done && !IS_NULL(r)) {
        set_stopiteration(r);
        return V_NULL;
    }
    if (done && IS_NULL(r) && !err_occurred())
        err_set_exc(V_OBJ(&exc_StopIteration));
    return r;
}

/* The next slot: V_NULL without an exception when exhausted, as every
 * iterator's slot reports it (the return value is dropped: for loops and
 * list() ignore it; __next__ and send report it). */
static Value gen_iternext(Value self)
{
    int done;
    Value r = gen_resume((GenObj *)AS_OBJ(self), V_NONE, 0, &done);
    if (done && !IS_NULL(r))
        return V_NULL;
    return r;
}

/* The sub-iterator of a `yield from` the frame is suspended in, or
 * V_NULL. */
static Value gen_yf(GenObj *g)
{
    Frame *f = g->frame;
    if (!g->started || f->finished || f->stackdepth == 0)
        return V_NULL;
    int next = f->lasti + 1;
    if (next < 0 || next >= f->code->ncode ||
        INSTR_OP(f->code->code[next]) != OP_YIELD_FROM)
        return V_NULL;
    return FRAME_STACK(f)[f->stackdepth - 1];
}

/* The delegate finished (or failed): drop it from the frame's stack and
 * step past YIELD_FROM, so the frame resumes after it. */
static void yf_done(GenObj *g)
{
    g->frame->stackdepth--;
    g->frame->lasti++;
}

static int close_iter(Value yf)
{
    if (IS_TYPE(yf, gen_type))
        return IS_NULL(gen_close(yf)) ? -1 : 0;
    Value m = obj_getattr_cstr(yf, "close");
    if (IS_NULL(m)) {
        if (!err_matches(&exc_AttributeError))
            return -1;
        err_clear();
        return 0;
    }
    gc_root_push(&m);
    Value r = obj_call0(m);
    gc_root_pop(1);
    return IS_NULL(r) ? -1 : 0;
}

/* Raise the pending exception inside g and report as send() would. */
static Value throw_here(GenObj *g)
{
    int done;
    Value r = gen_resume(g, V_NONE, 1, &done);
    if (done && !IS_NULL(r)) {
        set_stopiteration(r);
        return V_NULL;
    }
    return r;
}

/* Forward exc to the delegate `yf`.  Returns the delegate's yielded value,
 * or V_NULL with *finished set when the delegate is done (its return
 * value in *value, or an exception set). */
static Value throw_to_delegate(GenObj *g, Value yf, Value exc, int *handled)
{
    *handled = 1;
    g->running = 1;
    Value r;
    if (IS_TYPE(yf, gen_type)) {
        r = gen_throw(yf, exc);
    } else {
        Value m = obj_getattr_cstr(yf, "throw");
        if (IS_NULL(m)) {
            g->running = 0;
            if (!err_matches(&exc_AttributeError))
                return V_NULL;
            err_clear();
            *handled = 0;
            return V_NULL;
        }
        gc_root_push(&m);
        r = obj_call1(m, exc);
        gc_root_pop(1);
    }
    g->running = 0;
    return r;
}

static Value gen_throw_exc(GenObj *g, Value exc)
{
    Value yf = gen_yf(g);
    if (!IS_NULL(yf)) {
        if (val_isinstance(exc, &exc_GeneratorExit) == 1) {
            g->running = 1;
            int err = close_iter(yf);
            g->running = 0;
            yf_done(g);
            if (err < 0)
                return throw_here(g);
        } else {
            int handled;
            Value r = throw_to_delegate(g, yf, exc, &handled);
            if (!IS_NULL(r))
                return r;
            if (handled) {
                yf_done(g);
                if (err_matches(&exc_StopIteration)) {
                    Value v = vm_stopiteration_value(err_fetch());
                    return gen_send(V_OBJ(g), v);
                }
                if (!err_occurred())
                    return gen_send(V_OBJ(g), V_NONE);
                return throw_here(g);
            }
        }
    }
    err_restore(exc);
    return throw_here(g);
}

/* throw(exc) / throw(type, value): an exception instance from either. */
static Value throw_instance(Value typ, Value val)
{
    int is_class = IS_OBJ(typ) && val_isinstance(typ, &type_type) == 1 &&
                   type_is_subtype((TypeObj *)AS_OBJ(typ), &exc_BaseException);
    if (is_class) {
        if (!IS_NULL(val) && val_isinstance(val, (TypeObj *)AS_OBJ(typ)) == 1)
            return val;
        if (IS_NULL(val) || IS_NONE(val))
            return obj_call0(typ);
        return obj_call1(typ, val);
    }
    if (val_isinstance(typ, &exc_BaseException) == 1) {
        if (!IS_NULL(val) && !IS_NONE(val))
            return err_set(&exc_TypeError,
                           "instance exception may not have a separate value");
        return typ;
    }
    return err_set(&exc_TypeError,
                   "exceptions must be classes or instances deriving from "
                   "BaseException, not %s",
                   val_type_name(typ));
}

Value gen_throw(Value gen, Value exc)
{
    Value inst = throw_instance(exc, V_NULL);
    if (IS_NULL(inst))
        return V_NULL;
    return gen_throw_exc((GenObj *)AS_OBJ(gen), inst);
}

Value gen_close(Value gen)
{
    GenObj *g = (GenObj *)AS_OBJ(gen);
    if (!g->started || g->frame->finished) {
        g->frame->finished = 1;
        return V_NONE;
    }
    if (g->running)
        return err_set(&exc_ValueError, "generator already executing");
    Value exc = exc_new(&exc_GeneratorExit, NULL, 0);
    if (IS_NULL(exc))
        return V_NULL;
    Value r = gen_throw_exc(g, exc);
    if (!IS_NULL(r)) {
        if (!g->frame->finished)
            return err_set(&exc_RuntimeError, "generator ignored GeneratorExit");
        return V_NONE;
    }
    if (err_matches(&exc_StopIteration) || err_matches(&exc_GeneratorExit)) {
        err_clear();
        return V_NONE;
    }
    if (!err_occurred())
        return V_NONE;
    return V_NULL;
}

/* ---- Script-visible methods and attributes --------------------------- */

static Value m_send(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("send", kwnames) < 0 ||
        args_count("send", nargs - 1, 1, 1) < 0)
        return V_NULL;
    return gen_send(args[0], args[1]);
}

static Value m_throw(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("throw", kwnames) < 0 ||
        args_count("throw", nargs - 1, 1, 3) < 0)
        return V_NULL;
    Value inst = throw_instance(args[1], nargs > 2 ? args[2] : V_NULL);
    if (IS_NULL(inst))
        return V_NULL;
    return gen_throw_exc((GenObj *)AS_OBJ(args[0]), inst);
}

static Value m_close(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("close", kwnames) < 0 ||
        args_count("close", nargs - 1, 0, 0) < 0)
        return V_NULL;
    return gen_close(args[0]);
}

static Value m_next(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("__next__", kwnames) < 0 ||
        args_count("__next__", nargs - 1, 0, 0) < 0)
        return V_NULL;
    return gen_send(args[0], V_NONE);
}

static Value m_iter(Value *args, int nargs, TupleObj *kwnames)
{
    if (args_no_kw("__iter__", kwnames) < 0 ||
        args_count("__iter__", nargs - 1, 0, 0) < 0)
        return V_NULL;
    return args[0];
}

static const MethodDef gen_methods[] = {
    {"send", m_send, NATIVE_METHOD},
    {"throw", m_throw, NATIVE_METHOD},
    {"close", m_close, NATIVE_METHOD},
    {"__next__", m_next, NATIVE_METHOD},
    {"__iter__", m_iter, NATIVE_METHOD},
    {NULL, NULL, 0},
};

static Value gen_repr(Value self)
{
    GenObj *g = (GenObj *)AS_OBJ(self);
    return V_OBJ(str_printf("<generator object %s at %p>",
                            g->qualname ? STR_CSTR(g->qualname) : "?",
                            (void *)g));
}

static Value gen_getattr(Value self, StrObj *name)
{
    GenObj *g = (GenObj *)AS_OBJ(self);
    const char *n = STR_CSTR(name);
    if (strcmp(n, "__name__") == 0)
        return V_OBJ(g->name);
    if (strcmp(n, "__qualname__") == 0)
        return V_OBJ(g->qualname);
    if (strcmp(n, "gi_running") == 0)
        return V_BOOL(g->running);
    if (strcmp(n, "gi_code") == 0)
        return V_OBJ(g->frame->code);
    if (strcmp(n, "gi_frame") == 0)
        return g->frame->finished ? V_NONE : frame_escape(g->frame);
    if (strcmp(n, "gi_yieldfrom") == 0) {
        Value yf = gen_yf(g);
        return IS_NULL(yf) ? V_NONE : yf;
    }
    return obj_generic_getattr(self, name);
}

static Value gen_self_iter(Value self)
{
    return self;
}

void gen_init(void)
{
    gen_type.instance_size = sizeof(GenObj);
    gen_type.trace = gen_trace;
    gen_type.repr = gen_repr;
    gen_type.getattr = gen_getattr;
    gen_type.iter = gen_self_iter;
    gen_type.next = gen_iternext;
    type_add_methods(&gen_type, gen_methods);
}
