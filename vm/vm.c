/* vm.c - start-up of the interpreter and running a module.
 *
 * vm_init fills the runtime's slots that need the interpreter (calling a
 * script function, the generator type) and registers the collector roots
 * the VM owns: the frames of every thread, the frame free lists and the
 * builtins dict.
 */
#include "vm/vm.h"

int (*vm_signal_hook)(void);
int (*vm_pending_hook)(void);
int (*vm_gil_drop_hook)(void);
int (*vm_async_exc_hook)(void);
int (*vm_trace_hook)(void);
int (*vm_displayhook)(Value v);

VmCheckPolicy vm_checkpoint_policy = VM_CHECK_EVERY_INSTR;

static DictObj *builtins;

void vm_set_builtins(DictObj *b)
{
    builtins = b;
}

DictObj *vm_builtins(void)
{
    if (builtins == NULL)
        builtins = dict_new();
    return builtins;
}

/* Each thread's innermost frame marks the frames behind it (frame trace
 * marks f_back), so marking the top of each chain covers every live
 * frame's locals and stack up to its stored depth. */
static void vm_mark_roots(void)
{
    for (ThreadState *ts = ts_first(); ts != NULL; ts = ts->next) {
        gc_mark_obj((Obj *)ts->frame);
        gc_mark_value(ts->exc);
        gc_mark_value(ts->handled);
    }
    vm_frames_mark();
    gc_mark_obj((Obj *)builtins);
    gc_mark_value(vm_build_class_native());
}

void vm_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    func_type.call = vm_func_call;
    gen_init();
    vm_builtins();
    (void)vm_build_class_native(); /* created now: the root marker must
                                      not allocate */
    gc_register_roots(vm_mark_roots);
}

Value vm_run_module(CodeObj *co, DictObj *globals)
{
    Frame *f = vm_frame_new(co, globals, vm_builtins(), globals, NULL);
    return vm_run_frame(f);
}
