/* opcodes.h - the one list of sigvm's instructions (an X-macro).
 *
 * Expanded by the VM's dispatch tables, the compiler's stack-depth pass
 * and the disassembler; nothing else lists opcodes.  Usage:
 *
 *     #define OPCODE(name, effect, jump_effect) ...
 *     SIGVM_OPCODES(OPCODE)
 *     #undef OPCODE
 *
 * `effect` is the net change of the value-stack depth when the
 * instruction falls through, written as an expression in `arg` (the
 * instruction's 24-bit argument).  `jump_effect` is the change when it
 * jumps, or OP_NOJUMP for instructions that never jump.  Jump arguments
 * are absolute instruction indexes.
 *
 * Semantics are those of the CPython 3.10 opcode of the same name (see the
 * 3.10 `dis` documentation), with these differences, which both the
 * compiler and the VM follow:
 *
 *  - Binary and in-place operators are one opcode, BINARY_OP, whose
 *    argument is a BOP_* constant from object.h (in-place: BOP_INPLACE +
 *    op), as in CPython 3.11.
 *  - An exception is one value, not a (type, value, traceback) triple.
 *    When an exception reaches a SETUP_FINALLY block, the VM unwinds the
 *    value stack to the block's level, pushes an EXCEPT_HANDLER block whose
 *    level is the depth at that moment, pushes the previously *handled*
 *    exception (ThreadState.handled, or None), makes the new exception the
 *    handled one, pushes the new exception, and jumps to the handler.  So a
 *    handler starts with [..., prev_exc, exc] on the stack.
 *    POP_EXCEPT pops the EXCEPT_HANDLER block and then pops prev_exc back
 *    into ThreadState.handled; it expects exactly prev_exc above the
 *    block's level.  When unwinding for an exception meets an
 *    EXCEPT_HANDLER block, the VM cuts the stack to level + 1 and pops
 *    prev_exc into ThreadState.handled the same way.
 *  - RERAISE pops the exception on top of the stack and raises it again
 *    without adding a traceback entry for this frame.  It has no argument.
 *  - JUMP_IF_NOT_EXC_MATCH pops the class (or tuple of classes) on top and
 *    the exception below it, and jumps when the exception is not an
 *    instance.  Handlers emit DUP_TOP before loading the class.
 *  - SETUP_WITH pops the context manager, pushes its bound __exit__, calls
 *    __enter__, pushes a SETUP_FINALLY block for the target (level = depth
 *    with __exit__ pushed), then pushes __enter__'s result.  It is one
 *    instruction so that no signal handler can run between __enter__
 *    returning and the block existing: __exit__ is guaranteed to run.
 *    At the handler the stack is [..., exit, prev_exc, exc];
 *    WITH_EXCEPT_START calls exit(type(exc), exc, None) and pushes the
 *    result, leaving the three below it in place.
 *  - JUMP replaces JUMP_FORWARD and JUMP_ABSOLUTE (absolute target).
 *  - IMPORT_NAME takes no operands from the stack: it pushes the module
 *    named names[arg] (absolute imports of built-in modules only).
 *    IMPORT_FROM pushes getattr(TOS, names[arg]), keeping the module.
 *  - MAKE_FUNCTION pops the qualified name (TOS) and the code (TOS1), then
 *    by flag: 0x08 closure tuple of cells, 0x02 keyword-only defaults dict,
 *    0x01 positional defaults tuple (popped in that order, as 3.10).
 *  - LOAD_BUILD_CLASS pushes the VM's __build_class__(func, name, *bases).
 *    A class body is compiled as a function with CO_CLASSBODY; it runs
 *    with a fresh namespace dict as its locals, and ends with
 *    `LOAD_CLOSURE __class__; RETURN_VALUE` when a method uses super() or
 *    __class__ (else `LOAD_CONST None; RETURN_VALUE`), as 3.10 does.
 *  - Generators start with GEN_START, which pops the None that the first
 *    resume pushes.  YIELD_FROM follows 3.10 (TOS value to send, TOS1 the
 *    sub-iterator; re-executed until the sub-iterator finishes).
 *  - LOAD_DEREF & co. index cells first (cellvars) then free variables,
 *    as 3.10 does.
 *  - CALL_FUNCTION_KW: TOS is a tuple of keyword names; below it the
 *    positional arguments then one value per keyword, in the order of the
 *    tuple.  This is exactly NativeFn's calling convention.
 *
 * The superinstructions at the end of the list never appear in a code
 * object's instructions, so the compiler and the disassembler never meet
 * them.  The VM writes one over the first word of a group of instructions
 * on one line, in its private copy of the code (vm/quicken.c), and it
 * executes the whole group, reading the later words' arguments and
 * skipping them; the later words stay in place, so a jump into the middle
 * of a group runs the rest of it one instruction at a time.  Each name
 * spells its group (FAST = LOAD_FAST, CONST = LOAD_CONST, BINOP =
 * BINARY_OP, COMPARE = COMPARE_OP, JUMP = POP_JUMP_IF_FALSE unless the
 * name says IF_TRUE, GLOBAL = LOAD_GLOBAL, STORE = STORE_GLOBAL after a
 * GLOBAL group, RETURN = RETURN_VALUE); the argument is the first word's,
 * and the effects are the group's.  The two
 * _CACHED forms are single instructions: the VM writes them over
 * LOAD_GLOBAL and STORE_GLOBAL with the argument replaced by the site's
 * inline-cache slot, which holds the name; a group that starts with a
 * LOAD_GLOBAL carries that slot as its argument too, and so do the later
 * LOAD_GLOBAL and STORE_GLOBAL words of a group.
 */
#ifndef SIGVM_OPCODES_H
#define SIGVM_OPCODES_H

#define OP_NOJUMP 1000

#define SIGVM_OPCODES(OP) \
    OP(NOP, 0, OP_NOJUMP) \
    OP(POP_TOP, -1, OP_NOJUMP) \
    /* A for loop's iterator left behind by break or return: closes a \
     * generator only the loop held (vm/gen.c, gen_loop_release). */ \
    OP(POP_ITER, -1, OP_NOJUMP) \
    OP(ROT_TWO, 0, OP_NOJUMP) \
    OP(ROT_THREE, 0, OP_NOJUMP) \
    OP(ROT_FOUR, 0, OP_NOJUMP) \
    OP(DUP_TOP, 1, OP_NOJUMP) \
    OP(DUP_TOP_TWO, 2, OP_NOJUMP) \
    OP(LOAD_CONST, 1, OP_NOJUMP) \
    OP(LOAD_FAST, 1, OP_NOJUMP) \
    OP(STORE_FAST, -1, OP_NOJUMP) \
    OP(DELETE_FAST, 0, OP_NOJUMP) \
    OP(LOAD_DEREF, 1, OP_NOJUMP) \
    OP(STORE_DEREF, -1, OP_NOJUMP) \
    OP(DELETE_DEREF, 0, OP_NOJUMP) \
    OP(LOAD_CLOSURE, 1, OP_NOJUMP) \
    OP(LOAD_CLASSDEREF, 1, OP_NOJUMP) \
    OP(LOAD_GLOBAL, 1, OP_NOJUMP) \
    OP(STORE_GLOBAL, -1, OP_NOJUMP) \
    OP(DELETE_GLOBAL, 0, OP_NOJUMP) \
    OP(LOAD_NAME, 1, OP_NOJUMP) \
    OP(STORE_NAME, -1, OP_NOJUMP) \
    OP(DELETE_NAME, 0, OP_NOJUMP) \
    OP(LOAD_ATTR, 0, OP_NOJUMP) \
    OP(STORE_ATTR, -2, OP_NOJUMP) \
    OP(DELETE_ATTR, -1, OP_NOJUMP) \
    OP(LOAD_METHOD, 1, OP_NOJUMP) \
    OP(CALL_METHOD, -1 - (arg), OP_NOJUMP) \
    OP(BINARY_SUBSCR, -1, OP_NOJUMP) \
    OP(STORE_SUBSCR, -3, OP_NOJUMP) \
    OP(DELETE_SUBSCR, -2, OP_NOJUMP) \
    OP(BINARY_OP, -1, OP_NOJUMP) \
    OP(UNARY_POSITIVE, 0, OP_NOJUMP) \
    OP(UNARY_NEGATIVE, 0, OP_NOJUMP) \
    OP(UNARY_NOT, 0, OP_NOJUMP) \
    OP(UNARY_INVERT, 0, OP_NOJUMP) \
    OP(COMPARE_OP, -1, OP_NOJUMP) \
    OP(IS_OP, -1, OP_NOJUMP) \
    OP(CONTAINS_OP, -1, OP_NOJUMP) \
    OP(JUMP, 0, 0) \
    OP(POP_JUMP_IF_FALSE, -1, -1) \
    OP(POP_JUMP_IF_TRUE, -1, -1) \
    OP(JUMP_IF_FALSE_OR_POP, -1, 0) \
    OP(JUMP_IF_TRUE_OR_POP, -1, 0) \
    OP(JUMP_IF_NOT_EXC_MATCH, -2, -2) \
    OP(GET_ITER, 0, OP_NOJUMP) \
    OP(FOR_ITER, 1, -1) \
    OP(BUILD_TUPLE, 1 - (arg), OP_NOJUMP) \
    OP(BUILD_LIST, 1 - (arg), OP_NOJUMP) \
    OP(BUILD_SET, 1 - (arg), OP_NOJUMP) \
    OP(BUILD_MAP, 1 - 2 * (arg), OP_NOJUMP) \
    OP(BUILD_STRING, 1 - (arg), OP_NOJUMP) \
    OP(BUILD_SLICE, 1 - (arg), OP_NOJUMP) \
    OP(LIST_APPEND, -1, OP_NOJUMP) \
    OP(SET_ADD, -1, OP_NOJUMP) \
    OP(MAP_ADD, -2, OP_NOJUMP) \
    OP(LIST_EXTEND, -1, OP_NOJUMP) \
    OP(SET_UPDATE, -1, OP_NOJUMP) \
    OP(DICT_UPDATE, -1, OP_NOJUMP) \
    OP(DICT_MERGE, -1, OP_NOJUMP) \
    OP(LIST_TO_TUPLE, 0, OP_NOJUMP) \
    OP(UNPACK_SEQUENCE, (arg) - 1, OP_NOJUMP) \
    OP(UNPACK_EX, ((arg) & 0xff) + ((arg) >> 8), OP_NOJUMP) \
    OP(FORMAT_VALUE, ((arg) & 4) ? -1 : 0, OP_NOJUMP) \
    OP(MAKE_FUNCTION, -1 - (((arg) & 1) != 0) - (((arg) & 2) != 0) - (((arg) & 8) != 0), OP_NOJUMP) \
    OP(CALL_FUNCTION, -(arg), OP_NOJUMP) \
    OP(CALL_FUNCTION_KW, -(arg) - 1, OP_NOJUMP) \
    OP(CALL_FUNCTION_EX, -1 - (((arg) & 1) != 0), OP_NOJUMP) \
    OP(RETURN_VALUE, -1, OP_NOJUMP) \
    OP(GEN_START, -1, OP_NOJUMP) \
    OP(YIELD_VALUE, 0, OP_NOJUMP) \
    OP(GET_YIELD_FROM_ITER, 0, OP_NOJUMP) \
    OP(YIELD_FROM, -1, OP_NOJUMP) \
    OP(LOAD_BUILD_CLASS, 1, OP_NOJUMP) \
    OP(IMPORT_NAME, 1, OP_NOJUMP) \
    OP(IMPORT_FROM, 1, OP_NOJUMP) \
    OP(SETUP_FINALLY, 0, 2) \
    OP(POP_BLOCK, 0, OP_NOJUMP) \
    OP(POP_EXCEPT, -1, OP_NOJUMP) \
    OP(RERAISE, -1, OP_NOJUMP) \
    OP(RAISE_VARARGS, -(arg), OP_NOJUMP) \
    OP(LOAD_ASSERTION_ERROR, 1, OP_NOJUMP) \
    OP(SETUP_WITH, 1, 2) \
    OP(WITH_EXCEPT_START, 1, OP_NOJUMP) \
    OP(PRINT_EXPR, -1, OP_NOJUMP) \
    /* Superinstructions: never emitted by the compiler (see below). */ \
    OP(LOAD_FAST_LOAD_FAST, 2, OP_NOJUMP) \
    OP(LOAD_FAST_LOAD_CONST, 2, OP_NOJUMP) \
    OP(FAST_CONST_BINOP, 1, OP_NOJUMP) \
    OP(FAST_FAST_BINOP, 1, OP_NOJUMP) \
    OP(FAST_CONST_COMPARE_JUMP, 0, 0) \
    OP(COMPARE_JUMP_IF_FALSE, -2, -2) \
    OP(STORE_FAST_LOAD_FAST, 0, OP_NOJUMP) \
    OP(RETURN_FAST, 0, OP_NOJUMP) \
    OP(RETURN_CONST, 0, OP_NOJUMP) \
    OP(LOAD_GLOBAL_CACHED, 1, OP_NOJUMP) \
    OP(STORE_GLOBAL_CACHED, -1, OP_NOJUMP) \
    OP(COMPARE_JUMP_IF_TRUE, -2, -2) \
    OP(GLOBAL_CONST_BINOP, 1, OP_NOJUMP) \
    OP(GLOBAL_CONST_BINOP_STORE, 0, OP_NOJUMP) \
    OP(GLOBAL_GLOBAL_BINOP_STORE, 0, OP_NOJUMP) \
    OP(GLOBAL_CONST_COMPARE_JUMP, 0, 0) \
    OP(GLOBAL_CONST_COMPARE_JUMP_IF_TRUE, 0, 0) \
    OP(BINOP_RETURN, -2, OP_NOJUMP) \
    OP(GLOBAL_FAST_CONST_BINOP, 2, OP_NOJUMP) \
    OP(FAST_CONST_COMPARE_JUMP_IF_TRUE, 0, 0) \
    OP(CONST_BINOP, 0, OP_NOJUMP) \
    OP(FAST_CONST_BINOP_STORE, 0, OP_NOJUMP) \
    /* Attribute sites with their inline-cache slot as argument: the VM \
     * writes them over LOAD_ATTR, STORE_ATTR and LOAD_METHOD as it does \
     * the _CACHED global forms (vm/eval.c, cache_attr_site). */ \
    OP(LOAD_ATTR_CACHED, 0, OP_NOJUMP) \
    OP(STORE_ATTR_CACHED, -2, OP_NOJUMP) \
    OP(LOAD_METHOD_CACHED, 1, OP_NOJUMP)

typedef enum Opcode {
#define OPCODE_ENUM(name, effect, jump_effect) OP_##name,
    SIGVM_OPCODES(OPCODE_ENUM)
#undef OPCODE_ENUM
    OP_COUNT
} Opcode;

#endif
