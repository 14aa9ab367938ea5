/* quicken.c - superinstructions: the VM's private copy of a code object's
 * instructions, with common groups fused.
 *
 * Every instruction costs a dispatch and an eval-breaker test, so the
 * groups that loops and calls execute most (load a local and a constant,
 * operate, compare and branch, return a local) run as one instruction.
 * The fused opcode replaces only the group's first word; the later words
 * stay as they were, so instruction indexes, line numbers, jump targets
 * and exception handlers keep their meaning, and a jump into the middle
 * of a group simply runs the rest of it unfused.  Only groups on a single
 * source line are fused, so an exception raised by any part of a group is
 * reported at the same line as before.
 *
 * A fused group is atomic for the eval breaker: the loop tests it before
 * the group, not between its parts.  A signal that arrives inside a group
 * is handled at the next instruction boundary, one to three instructions
 * later than unfused; nothing a script can observe depends on that, as
 * the C handler's timing relative to the instruction stream is never
 * deterministic.  When the breaker's slow path runs (a signal, tracing,
 * instruction counting), the loop executes the original, unfused
 * instruction, so counting and tracing see every instruction of
 * code->code.
 *
 * After this pass the VM (eval.c, cache_build) gives every LOAD_GLOBAL
 * and STORE_GLOBAL word its inline-cache slot as argument, fused or not,
 * so the loop never searches for a site's cache.
 */
#include "vm/vm.h"

static int op_at(const CodeObj *co, int i)
{
    return i < co->ncode ? INSTR_OP(co->code[i]) : -1;
}

/* Instructions i .. i+n-1 exist, all on one line, and have these opcodes. */
static int group_is(const CodeObj *co, int i, int n, const int *ops)
{
    for (int k = 0; k < n; k++)
        if (op_at(co, i + k) != ops[k] || co->lines[i + k] != co->lines[i])
            return 0;
    return 1;
}

#define GROUP(...) \
    group_is(co, i, (int)(sizeof((int[]){__VA_ARGS__}) / sizeof(int)), \
             (int[]){__VA_ARGS__})

/* The fused opcode for the group starting at i, or its own opcode.  The
 * longest group wins. */
static int fused_at(const CodeObj *co, int i)
{
    switch (op_at(co, i)) {
    case OP_LOAD_FAST:
        if (GROUP(OP_LOAD_FAST, OP_LOAD_CONST, OP_COMPARE_OP,
                  OP_POP_JUMP_IF_FALSE))
            return OP_FAST_CONST_COMPARE_JUMP;
        /* The bottom test of `while x < K`. */
        if (GROUP(OP_LOAD_FAST, OP_LOAD_CONST, OP_COMPARE_OP,
                  OP_POP_JUMP_IF_TRUE))
            return OP_FAST_CONST_COMPARE_JUMP_IF_TRUE;
        /* x += K, y = x * K */
        if (GROUP(OP_LOAD_FAST, OP_LOAD_CONST, OP_BINARY_OP, OP_STORE_FAST))
            return OP_FAST_CONST_BINOP_STORE;
        if (GROUP(OP_LOAD_FAST, OP_LOAD_CONST, OP_BINARY_OP))
            return OP_FAST_CONST_BINOP;
        if (GROUP(OP_LOAD_FAST, OP_LOAD_FAST, OP_BINARY_OP))
            return OP_FAST_FAST_BINOP;
        if (GROUP(OP_LOAD_FAST, OP_LOAD_FAST))
            return OP_LOAD_FAST_LOAD_FAST;
        if (GROUP(OP_LOAD_FAST, OP_LOAD_CONST))
            return OP_LOAD_FAST_LOAD_CONST;
        if (GROUP(OP_LOAD_FAST, OP_RETURN_VALUE))
            return OP_RETURN_FAST;
        break;
    case OP_LOAD_CONST:
        if (GROUP(OP_LOAD_CONST, OP_RETURN_VALUE))
            return OP_RETURN_CONST;
        /* (expr) <op> K */
        if (GROUP(OP_LOAD_CONST, OP_BINARY_OP))
            return OP_CONST_BINOP;
        break;
    case OP_COMPARE_OP:
        if (GROUP(OP_COMPARE_OP, OP_POP_JUMP_IF_FALSE))
            return OP_COMPARE_JUMP_IF_FALSE;
        if (GROUP(OP_COMPARE_OP, OP_POP_JUMP_IF_TRUE))
            return OP_COMPARE_JUMP_IF_TRUE;
        break;
    case OP_LOAD_GLOBAL:
        /* Module-level loops: `while g < K`, `g += K`, `g += h`. */
        if (GROUP(OP_LOAD_GLOBAL, OP_LOAD_CONST, OP_COMPARE_OP,
                  OP_POP_JUMP_IF_FALSE))
            return OP_GLOBAL_CONST_COMPARE_JUMP;
        if (GROUP(OP_LOAD_GLOBAL, OP_LOAD_CONST, OP_COMPARE_OP,
                  OP_POP_JUMP_IF_TRUE))
            return OP_GLOBAL_CONST_COMPARE_JUMP_IF_TRUE;
        if (GROUP(OP_LOAD_GLOBAL, OP_LOAD_CONST, OP_BINARY_OP,
                  OP_STORE_GLOBAL))
            return OP_GLOBAL_CONST_BINOP_STORE;
        if (GROUP(OP_LOAD_GLOBAL, OP_LOAD_GLOBAL, OP_BINARY_OP,
                  OP_STORE_GLOBAL))
            return OP_GLOBAL_GLOBAL_BINOP_STORE;
        if (GROUP(OP_LOAD_GLOBAL, OP_LOAD_CONST, OP_BINARY_OP))
            return OP_GLOBAL_CONST_BINOP;
        /* f(x - 1): the function and its argument. */
        if (GROUP(OP_LOAD_GLOBAL, OP_LOAD_FAST, OP_LOAD_CONST, OP_BINARY_OP))
            return OP_GLOBAL_FAST_CONST_BINOP;
        break;
    case OP_BINARY_OP:
        if (GROUP(OP_BINARY_OP, OP_RETURN_VALUE))
            return OP_BINOP_RETURN;
        break;
    case OP_STORE_FAST:
        if (GROUP(OP_STORE_FAST, OP_LOAD_FAST))
            return OP_STORE_FAST_LOAD_FAST;
        break;
    default:
        break;
    }
    return op_at(co, i);
}

void vm_quicken(const CodeObj *co, uint32_t *out)
{
    for (int i = 0; i < co->ncode; i++)
        out[i] = INSTR_MAKE(fused_at(co, i), INSTR_ARG(co->code[i]));
}
