/* fuzz_sigvm.c - the libFuzzer target: arbitrary bytes through the lexer,
 * parser, compiler and, when they compile, the VM.
 *
 * Built only by `./configure --enable-fuzzing` (clang); `make fuzz` runs it
 * (fuzz/run-fuzz.sh).  Like cli/, this harness sits on top of every layer
 * and wires them itself.
 *
 * A fuzz input must not touch the machine and must end.  So the modules
 * that reach the operating system (os, signal, time, select, faulthandler,
 * threading) refuse to import, open() and input() are gone from builtins,
 * and every input runs under an instruction budget counted on the eval
 * breaker's trace step.  Between inputs the harness puts back what a script
 * may have changed in the shared interpreter (builtins, sys, sys.modules,
 * the recursion limit, the collector switch), so that an input behaves the
 * same whatever ran before it and a crash reproduces from its file alone.
 * sys.setrecursionlimit is clamped (FUZZ_MAX_RECURSION says why).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "compiler/compiler.h"
#include "runtime/runtime.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

/* Instructions one input may execute before every further instruction
 * raises; enough for the seed scripts' loops, small enough that an endless
 * loop costs a few milliseconds. */
#define FUZZ_BUDGET 200000

/* The highest recursion limit an input may set.  Native recursion (the
 * repr of a list nested 100,000 deep) runs on the C stack, and with a
 * limit of a million it overflows that stack, in sigvm as in CPython 3.11
 * ("a too-high limit can lead to a crash"); the fuzzer would find that one
 * known crash again and again. */
#define FUZZ_MAX_RECURSION 5000

/* Modules whose import a fuzz input must not reach. */
static const char *const refused_modules[] = {
    "os", "signal", "time", "select", "faulthandler", "threading",
    "_thread", "_signal", "posix",
};

/* Builtins that open files or read the terminal. */
static const char *const removed_builtins[] = {"open", "input"};

/* The instructions left for the running input.  Only the main thread runs
 * fuzz inputs (threading is refused), so a plain counter suffices. */
static long budget;

/* Pristine copies of the shared namespaces, restored after every input;
 * marked as collector roots. */
static DictObj *saved_builtins, *saved_sys, *saved_modules;

/* sys.setrecursionlimit as std_init made it. */
static Value real_setrecursionlimit;

static void fuzz_mark_roots(void)
{
    gc_mark_value(real_setrecursionlimit);
    gc_mark_obj((Obj *)saved_builtins);
    gc_mark_obj((Obj *)saved_sys);
    gc_mark_obj((Obj *)saved_modules);
}

/* The breaker's trace step: counts instructions while EB_TRACE stays set.
 * Once the budget is spent each instruction raises, so the program unwinds
 * through its handlers (each of which raises again at its first
 * instruction) and ends. */
static int fuzz_count_instruction(void)
{
    if (--budget >= 0)
        return 0;
    err_set(&exc_RuntimeError, "fuzz instruction budget exhausted");
    return -1;
}

/* sys.setrecursionlimit with its checks and errors, clamped to
 * FUZZ_MAX_RECURSION. */
static Value fuzz_setrecursionlimit(Value *args, int nargs, TupleObj *kwnames)
{
    Value r = obj_call(real_setrecursionlimit, args, nargs, kwnames);
    if (!IS_NULL(r) && ts_recursion_limit > FUZZ_MAX_RECURSION)
        ts_recursion_limit = FUZZ_MAX_RECURSION;
    return r;
}

static const MethodDef fuzz_sys_methods[] = {
    {"setrecursionlimit", fuzz_setrecursionlimit, 0},
    {NULL, NULL, 0},
};

static ModuleObj *fuzz_refuse_import(void)
{
    err_set(&exc_ImportError, "module refused in fuzz mode");
    return NULL;
}

static void fuzz_restore(DictObj *live, DictObj *saved)
{
    dict_clear(live);
    if (dict_update(live, V_OBJ(saved)) < 0)
        abort();
}

/* Put the interpreter back as LLVMFuzzerInitialize left it. */
static void fuzz_reset(void)
{
    eb_clear(EB_TRACE);
    err_clear();
    fuzz_restore(std_builtins(), saved_builtins);
    fuzz_restore(std_sys_module()->base.dict, saved_sys);
    fuzz_restore(module_sys_modules(), saved_modules);
    ts_recursion_limit = 1000;
    gc_set_enabled(1);
    gc_collect();
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static char name[] = "<fuzz>";
    static char *fuzz_argv[] = {name, NULL};
    (void)argc;
    (void)argv;
    rt_init();
    std_init(1, fuzz_argv, 0);
    vm_init();
    vm_set_builtins(std_builtins());
    vm_trace_hook = fuzz_count_instruction;
    for (size_t i = 0; i < sizeof refused_modules / sizeof *refused_modules;
         i++) {
        module_register(refused_modules[i], fuzz_refuse_import);
        Value key = V_OBJ(str_intern_cstr(refused_modules[i]));
        if (dict_contains(module_sys_modules(), key) == 1 &&
            dict_del(module_sys_modules(), key) < 0)
            abort();
    }
    for (size_t i = 0; i < sizeof removed_builtins / sizeof *removed_builtins;
         i++) {
        Value key = V_OBJ(str_intern_cstr(removed_builtins[i]));
        if (dict_contains(std_builtins(), key) == 1 &&
            dict_del(std_builtins(), key) < 0)
            abort();
    }
    real_setrecursionlimit = dict_get_cstr(std_sys_module()->base.dict,
                                           "setrecursionlimit");
    module_add_methods(std_sys_module(), fuzz_sys_methods);
    saved_builtins = dict_copy(std_builtins());
    saved_sys = dict_copy(std_sys_module()->base.dict);
    saved_modules = dict_copy(module_sys_modules());
    gc_register_roots(fuzz_mark_roots);
    return 0;
}

static DictObj *fuzz_globals(void)
{
    DictObj *g = dict_new();
    dict_set_str(g, str_intern_cstr("__name__"),
                 V_OBJ(str_intern_cstr("__main__")));
    dict_set_str(g, str_intern_cstr("__builtins__"),
                 V_OBJ(std_builtins_module()));
    return g;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CodeObj *co = comp_compile_source((const char *)data, size, "<fuzz>",
                                      COMP_FILE);
    if (co != NULL) {
        budget = FUZZ_BUDGET;
        eb_set(EB_TRACE);
        Value r = vm_run_module(co, fuzz_globals());
        (void)r;
    }
    fuzz_reset();
    return 0;
}
