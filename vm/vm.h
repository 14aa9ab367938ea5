/* vm.h - the interpreter: the one public header of vm/.
 *
 * cli/ calls vm_init once after rt_init, hands over the builtins dict that
 * stdlib/ built (vm_set_builtins) and runs a compiled module with
 * vm_run_module.  The runtime reaches the VM only through the slots that
 * vm_init fills (func_type.call, gen_type's slots).  The signals, threads
 * and tracing code plug into the eval breaker's slow path through the hooks
 * below.
 *
 * The second half of this header is internal to vm/: the pieces that
 * eval.c, call.c, frames.c, gen.c and classbuild.c share.
 */
#ifndef SIGVM_VM_H
#define SIGVM_VM_H

#include "runtime/runtime.h"

/* ---- Public interface ------------------------------------------------ */

/* Fill the runtime's call slots, create __build_class__ and register the
 * collector roots the VM owns.  Call once, after rt_init. */
void vm_init(void);

/* The builtins dict that LOAD_GLOBAL and LOAD_NAME fall back to. */
void vm_set_builtins(DictObj *b);
DictObj *vm_builtins(void);

/* Run module-level code with `globals` as both globals and locals.
 * Returns the code's result (None) or V_NULL with the exception set. */
Value vm_run_module(CodeObj *co, DictObj *globals);

/* Call any callable (the same as obj_call, kept for symmetry). */
Value vm_call(Value callable, Value *args, int nargs, TupleObj *kwnames);

/* Hooks run by the eval breaker's slow path, in this order: signals,
 * pending calls, GIL drop, GC (built in), async exception, trace.  Each
 * returns 0, or -1 with an exception set, which is then raised at the
 * instruction about to execute.  A NULL hook means "nothing to do": the
 * VM clears the matching breaker bit itself.  Written once at start-up by
 * the owning module, before any thread but the main one exists. */
extern int (*vm_signal_hook)(void);
extern int (*vm_pending_hook)(void);
extern int (*vm_gil_drop_hook)(void);
extern int (*vm_async_exc_hook)(void);
extern int (*vm_trace_hook)(void);

/* PRINT_EXPR calls this (the REPL's sys.displayhook); NULL: the VM writes
 * repr(value) and a newline to C stdout unless the value is None. */
extern int (*vm_displayhook)(Value v);

/* When the loop tests the eval breaker.  EVERY_INSTR (the default): before
 * every instruction.  CPYTHON: only at function entry, taken backward jumps
 * and after native calls return successfully, as CPython 3.10+ does.  Read
 * on the breaker's slow path, so a change takes effect at the next
 * instruction that finds a breaker bit set. */
typedef enum VmCheckPolicy {
    VM_CHECK_EVERY_INSTR = 0,
    VM_CHECK_CPYTHON = 1,
} VmCheckPolicy;
extern VmCheckPolicy vm_checkpoint_policy;

/* Generators (gen.c). */
typedef struct GenObj {
    Obj hdr;
    Frame *frame;      /* owned: escaped, is_gen; finished when done */
    StrObj *name;
    StrObj *qualname;
    Value handled;     /* the generator's own handled exception while it
                          is suspended inside an except block */
    uint8_t running;
    uint8_t started;
    uint8_t loop_owned; /* only a for loop's stack slot holds it */
    /* Where it was made: the calling frame, its code and the index of the
     * call instruction; compared, never dereferenced (gen_claim_for_loop).
     * birth_frame is cleared once a loop has looked. */
    const Frame *birth_frame;
    const CodeObj *birth_code;
    int birth_lasti;
} GenObj;

/* GET_ITER of a for loop over a call's result: when it is the generator
 * that this very call made (frame f, code, call_index), only the loop's
 * stack slot can hold it, and the loop owns it. */
void gen_claim_for_loop(Value it, const Frame *f, int call_index);
/* A for loop drops its iterator (POP_ITER after break or return, or the
 * stack cut back by an exception): a generator it owns is closed now, as
 * CPython's reference counting finalizes it at that moment.  Errors from
 * the close are reported as unraisable; an exception in flight is kept. */
void gen_loop_release(Value it);

/* gen.send(v): the next yielded value, or V_NULL with StopIteration (or
 * the generator's exception) set. */
Value gen_send(Value gen, Value v);
/* gen.throw(exc) with an exception instance or class. */
Value gen_throw(Value gen, Value exc);
/* gen.close(): None or V_NULL with an exception set. */
Value gen_close(Value gen);

/* ---- Internal to vm/ -------------------------------------------------- */

/* frames.c: frames come from per-size free lists (classes of 8 slots,
 * up to 256 slots, at most 128 frames kept per class); only frames that
 * never escaped go back.  A listed frame has code == NULL and `back`
 * links the list; vm_frames_mark keeps listed frames alive, because
 * gc_alloc linked them into the collector's object list. */
#define VM_FRAME_CLASS_SLOTS 8
#define VM_FRAME_NCLASSES 32
#define VM_FRAME_LIST_CAP 128
extern Frame *vm_free_frames[VM_FRAME_NCLASSES + 1];
extern int vm_free_count[VM_FRAME_NCLASSES + 1];
Frame *vm_frame_alloc(int nslots); /* a fresh frame: the slow path */
void vm_frames_mark(void);         /* collector root: the free lists */

static inline int vm_frame_slots(const CodeObj *co)
{
    return co->nlocals + co->ncells + co->nfrees + co->stacksize;
}

static inline int vm_frame_class(int nslots)
{
    return (nslots + VM_FRAME_CLASS_SLOTS - 1) / VM_FRAME_CLASS_SLOTS;
}

/* A frame for co with every local and cell slot unbound.  Inline because
 * every call takes this path. */
static inline Frame *vm_frame_new(CodeObj *co, DictObj *globals,
                                  DictObj *builtins, DictObj *locals,
                                  FuncObj *func)
{
    int cls = vm_frame_class(vm_frame_slots(co));
    Frame *f;
    if (cls <= VM_FRAME_NCLASSES && vm_free_frames[cls] != NULL) {
        f = vm_free_frames[cls];
        vm_free_frames[cls] = f->back;
        vm_free_count[cls]--;
    } else {
        f = vm_frame_alloc(vm_frame_slots(co));
    }
    f->back = NULL;
    f->code = co;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->lasti = -1;
    f->stackdepth = 0;
    f->nblocks = 0;
    f->escaped = 0;
    f->finished = 0;
    f->is_gen = 0;
    f->init_call = 0;
    int nfixed = co->nlocals + co->ncells + co->nfrees;
    for (int i = 0; i < nfixed; i++)
        f->slots[i] = V_NULL;
    return f;
}

/* Give a finished frame back unless a script may still hold it. */
static inline void vm_frame_release(Frame *f)
{
    if (f->escaped || f->is_gen)
        return;
    int cls = vm_frame_class(vm_frame_slots(f->code));
    if (cls > VM_FRAME_NCLASSES || vm_free_count[cls] >= VM_FRAME_LIST_CAP)
        return;
    f->code = NULL; /* frame_type's trace skips listed frames */
    f->back = vm_free_frames[cls];
    vm_free_frames[cls] = f;
    vm_free_count[cls]++;
}

/* call.c */
/* Build the frame for a call of fn and bind the arguments into it;
 * NULL with TypeError set on a binding error.  The frame is not linked. */
Frame *vm_frame_for_call(FuncObj *fn, Value *args, int nargs,
                         TupleObj *kwnames);
/* func_type.call: run a function in a nested loop (or make a generator). */
Value vm_func_call(Value self, Value *args, int nargs, TupleObj *kwnames);
/* f(*args, **kwargs) for CALL_FUNCTION_EX; kwargs may be V_NULL. */
Value vm_call_ex(Value callable, Value args, Value kwargs);
/* "f()" or "C.m()" as CPython names a function in call errors. */
const char *vm_func_name(Value callable, char *buf, size_t n);

/* eval.c: run f (already linked as ts_current->frame's callee) until it
 * returns, yields or raises out.  throwing: an exception is already set
 * and is raised at f's current instruction (generator throw). */
Value vm_eval(Frame *f, int throwing);
/* StopIteration's value attribute (None when it has none). */
Value vm_stopiteration_value(Value exc);
/* Link f above the current frame, run it and unlink it. */
Value vm_run_frame(Frame *f);

/* quicken.c: write co's instructions to out (co->ncode words) with the
 * superinstructions of opcodes.h fused in. */
void vm_quicken(const CodeObj *co, uint32_t *out);

/* gen.c */
void gen_init(void);
Value gen_new(Frame *f, FuncObj *fn);

/* classbuild.c */
Value vm_build_class_native(void);
/* The exception `exc` with __context__ set from the handled exception, as
 * a raise statement does. */
void vm_chain_context(Value exc);

#endif
