/* Helpers shared by the unit tests that run hand-assembled bytecode
 * (test_eval, test_call, test_gen, test_frame): instruction and name
 * shorthands, the suite set-up with its module globals, and the pieces
 * of a CodeObj that every test builds the same way.  Static inline, like
 * unit_helpers.h, so that each program takes what it uses. */
#ifndef SIGVM_TESTS_VM_HELPERS_H
#define SIGVM_TESTS_VM_HELPERS_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "vm/vm.h"

#define I(op, arg) INSTR_MAKE(OP_##op, (arg))
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

static inline StrObj *S(const char *s)
{
    return str_intern_cstr(s);
}

/* The globals of the tests' module, named __main__. */
static DictObj *globals;

/* The suite's .init.  The collector is off: these tests hold objects in
 * C variables that no root sees. */
static inline void vt_setup(void)
{
    rt_init();
    vm_init();
    gc_set_enabled(0);
    globals = dict_new();
    dict_set_str(globals, S("__name__"), V_OBJ(S("__main__")));
}

/* The n names as an interned, NULL-terminated array (names, varnames). */
static inline StrObj **vt_names(const char *const *v, int n)
{
    StrObj **out = calloc((size_t)n + 1, sizeof *out);
    for (int i = 0; i < n; i++)
        out[i] = S(v[i]);
    return out;
}

/* A code object holding a copy of the n instructions, instruction i on
 * line firstline + i, and a copy of the nconsts constants. */
static inline CodeObj *vt_code(const uint32_t *ins, int n, int firstline,
                               const Value *consts, int nconsts)
{
    CodeObj *co = code_new();
    co->code = malloc((size_t)n * sizeof *co->code);
    memcpy(co->code, ins, (size_t)n * sizeof *co->code);
    co->lines = malloc((size_t)n * sizeof *co->lines);
    for (int i = 0; i < n; i++)
        co->lines[i] = firstline + i;
    co->ncode = n;
    co->consts = calloc((size_t)nconsts + 1, sizeof *co->consts);
    if (nconsts > 0)
        memcpy(co->consts, consts, (size_t)nconsts * sizeof *consts);
    co->nconsts = nconsts;
    return co;
}

#endif
