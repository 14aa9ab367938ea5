/* mod_dis.c - the dis module: sigvm's own bytecode listing.
 *
 * dis.dis(function_or_code) and `sigvm -m dis FILE` print one line per
 * instruction:
 *
 *     LINE  CP  >>  OFFSET OPNAME                ARG (MEANING)
 *
 * LINE appears where a new source line starts (with a blank line before
 * it, as CPython's dis does); OFFSET is the instruction's index (sigvm's
 * instructions are one 32-bit word each, and jump arguments are such
 * indexes); ">>" marks jump targets; MEANING names the constant, variable,
 * attribute, operator or jump target.  CP says where the eval breaker is
 * tested under the active check-point policy:
 *
 *  - checkpoints=every (the default): "*" before every instruction,
 *    except the one right after SETUP_WITH (that region is atomic);
 *  - checkpoints=cpython: "entry" (before the first instruction: a call
 *    or a generator's first resume), "resume" (after a yield), "call"
 *    (after the call returns, when the callee is native), "back" (when
 *    this jump is taken backward).
 *
 * Nested code objects (functions, lambdas, comprehensions, class bodies)
 * follow, each under a "Disassembly of <code object NAME, file "FILE",
 * line N>:" header, FILE being the script's base name.  Opcode names come
 * from the one X-macro in runtime/opcodes.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/stdlib.h"

int dis_cpython_checkpoints;

static const char *const opnames[] = {
#define OPCODE_NAME(name, effect, jump) #name,
    SIGVM_OPCODES(OPCODE_NAME)
#undef OPCODE_NAME
};

/* Whether the opcode jumps, and whether its stack effect depends on its
 * argument (then the argument means something even when no table below
 * names it), both read off the X-macro. */
static int op_jumps(int op)
{
    switch (op) {
#define OPCODE_JUMPS(name, effect, jump) \
    case OP_##name: \
        return (jump) != OP_NOJUMP;
        SIGVM_OPCODES(OPCODE_JUMPS)
#undef OPCODE_JUMPS
    default:
        return 0;
    }
}

static int op_effect(int op, int arg)
{
    switch (op) {
#define OPCODE_EFFECT(name, effect, jump) \
    case OP_##name: \
        return (effect);
        SIGVM_OPCODES(OPCODE_EFFECT)
#undef OPCODE_EFFECT
    default:
        return 0;
    }
}

/* ---- A growing text buffer ------------------------------------------- */

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static void buf_add(Buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void buf_add(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (b->n + (size_t)k + 1 > b->cap) {
        b->cap = (b->n + (size_t)k + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (b->p == NULL)
            abort();
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

/* ---- Meanings -------------------------------------------------------- */

static const char *base_name(StrObj *path)
{
    const char *s = path ? STR_CSTR(path) : "?";
    const char *slash = strrchr(s, '/');
    return slash ? slash + 1 : s;
}

static void code_title(Buf *b, const CodeObj *co)
{
    buf_add(b, "<code object %s, file \"%s\", line %d>", STR_CSTR(co->name),
            base_name(co->filename), co->firstlineno);
}

/* repr() of a constant; -1 with an exception set on failure. */
static int const_text(Buf *b, Value v)
{
    if (IS_TYPE(v, code_type)) {
        code_title(b, (const CodeObj *)AS_OBJ(v));
        return 0;
    }
    Value r = obj_repr(v);
    if (IS_NULL(r))
        return -1;
    buf_add(b, "%s", STR_CSTR((StrObj *)AS_OBJ(r)));
    return 0;
}

static const char *cell_name(const CodeObj *co, int i)
{
    if (i < co->ncells)
        return STR_CSTR(co->cellvars[i]);
    if (i - co->ncells < co->nfrees)
        return STR_CSTR(co->freevars[i - co->ncells]);
    return "?";
}

static const char *name_at(StrObj **names, int n, int i)
{
    return i >= 0 && i < n ? STR_CSTR(names[i]) : "?";
}

static const char *compare_text(int arg)
{
    static const char *const ops[] = {"<", "<=", "==", "!=", ">", ">="};
    return arg >= 0 && arg < 6 ? ops[arg] : "?";
}

static void format_value_text(Buf *b, int arg)
{
    static const char *const conv[] = {"", "str", "repr", "ascii"};
    buf_add(b, "%s%s%s", conv[arg & 3], (arg & 3) && (arg & 4) ? ", " : "",
            (arg & 4) ? "with format" : "");
}

static void make_function_text(Buf *b, int arg)
{
    const char *sep = "";
    if (arg & 1) {
        buf_add(b, "defaults");
        sep = ", ";
    }
    if (arg & 2) {
        buf_add(b, "%skwdefaults", sep);
        sep = ", ";
    }
    if (arg & 8)
        buf_add(b, "%sclosure", sep);
}

/* The meaning of op's argument: 1 if op's argument has one (it may be
 * empty: FORMAT_VALUE 0), 0 if not, -1 on error. */
static int meaning(Buf *b, const CodeObj *co, int op, int arg)
{
    switch (op) {
    case OP_LOAD_CONST:
        if (arg < co->nconsts && const_text(b, co->consts[arg]) < 0)
            return -1;
        break;
    case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST:
        buf_add(b, "%s", name_at(co->varnames, co->nlocals, arg));
        break;
    case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF:
    case OP_LOAD_CLOSURE: case OP_LOAD_CLASSDEREF:
        buf_add(b, "%s", cell_name(co, arg));
        break;
    case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL:
    case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME:
    case OP_LOAD_ATTR: case OP_STORE_ATTR: case OP_DELETE_ATTR:
    case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
        buf_add(b, "%s", name_at(co->names, co->nnames, arg));
        break;
    case OP_BINARY_OP:
        buf_add(b, "%s", obj_binop_symbol(arg));
        break;
    case OP_COMPARE_OP:
        buf_add(b, "%s", compare_text(arg));
        break;
    case OP_IS_OP:
        buf_add(b, "%s", arg ? "is not" : "is");
        break;
    case OP_CONTAINS_OP:
        buf_add(b, "%s", arg ? "not in" : "in");
        break;
    case OP_FORMAT_VALUE:
        format_value_text(b, arg);
        break;
    case OP_MAKE_FUNCTION:
        make_function_text(b, arg);
        break;
    default:
        if (!op_jumps(op))
            return 0;
        buf_add(b, "to %d", arg);
        break;
    }
    return 1;
}

/* The argument column: the number, then its meaning in parentheses.
 * Instructions whose argument is unused (0, no meaning, no effect on the
 * stack) show neither. */
static int arg_text(Buf *b, const CodeObj *co, int op, int arg)
{
    size_t start = b->n;
    buf_add(b, " %4d (", arg);
    size_t open = b->n;
    int r = meaning(b, co, op, arg);
    if (r < 0)
        return -1;
    if (r == 0 && arg == 0 && op_effect(op, 0) == op_effect(op, 1))
        b->n = start;
    else if (b->n == open)
        b->n = open - 2;
    else
        buf_add(b, ")");
    return 0;
}

/* ---- Check points ---------------------------------------------------- */

static int is_call(int op)
{
    return op == OP_CALL_FUNCTION || op == OP_CALL_FUNCTION_KW ||
           op == OP_CALL_FUNCTION_EX || op == OP_CALL_METHOD;
}

static const char *checkpoint(const CodeObj *co, int i)
{
    int op = INSTR_OP(co->code[i]);
    int prev = i > 0 ? INSTR_OP(co->code[i - 1]) : -1;
    if (!dis_cpython_checkpoints)
        return prev == OP_SETUP_WITH ? "" : "*";
    if (i == 0)
        return "entry";
    if ((co->flags & CO_GENERATOR) &&
        (prev == OP_YIELD_VALUE || op == OP_YIELD_FROM))
        return "resume";
    if (is_call(op))
        return "call";
    if (op_jumps(op) && op != OP_SETUP_FINALLY && op != OP_SETUP_WITH &&
        INSTR_ARG(co->code[i]) <= i)
        return "back";
    return "";
}

/* ---- The listing ----------------------------------------------------- */

static int list_one(Buf *b, const CodeObj *co)
{
    char *target = calloc((size_t)co->ncode + 1, 1);
    for (int i = 0; i < co->ncode; i++) {
        int op = INSTR_OP(co->code[i]), arg = INSTR_ARG(co->code[i]);
        if (op_jumps(op) && arg >= 0 && arg < co->ncode)
            target[arg] = 1;
    }
    int last_line = -1;
    for (int i = 0; i < co->ncode; i++) {
        int op = INSTR_OP(co->code[i]), arg = INSTR_ARG(co->code[i]);
        int line = code_line_at(co, i);
        if (line != last_line) {
            if (last_line != -1)
                buf_add(b, "\n");
            buf_add(b, "%4d", line);
            last_line = line;
        } else {
            buf_add(b, "    ");
        }
        buf_add(b, "  %-6s %2s %4d %-20s", checkpoint(co, i),
                target[i] ? ">>" : "", i,
                op < OP_COUNT ? opnames[op] : "<unknown>");
        if (arg_text(b, co, op, arg) < 0) {
            free(target);
            return -1;
        }
        while (b->n > 0 && b->p[b->n - 1] == ' ')
            b->n--;
        buf_add(b, "\n");
    }
    free(target);
    return 0;
}

/* co, then every code object among its constants, depth first. */
static int list_all(Buf *b, const CodeObj *co, int header)
{
    if (header) {
        buf_add(b, "\nDisassembly of ");
        code_title(b, co);
        buf_add(b, ":\n");
    }
    if (list_one(b, co) < 0)
        return -1;
    for (int i = 0; i < co->nconsts; i++)
        if (IS_TYPE(co->consts[i], code_type) &&
            list_all(b, (const CodeObj *)AS_OBJ(co->consts[i]), 1) < 0)
            return -1;
    return 0;
}

static int write_text(Value file, const Buf *b)
{
    Value s = V_OBJ(str_new(b->p ? b->p : "", b->n));
    gc_root_push(&s);
    Value r = obj_call_method(file, "write", &s, 1);
    gc_root_pop(1);
    return IS_NULL(r) ? -1 : 0;
}

int dis_print_code(CodeObj *co, Value file)
{
    Buf b = {0};
    int r = list_all(&b, co, 0);
    if (r == 0)
        r = write_text(file, &b);
    free(b.p);
    return r;
}

/* The code object behind a function, a bound method or a code object. */
static CodeObj *code_of(Value x)
{
    if (IS_TYPE(x, method_type))
        x = ((MethodObj *)AS_OBJ(x))->func;
    if (IS_TYPE(x, func_type))
        return ((FuncObj *)AS_OBJ(x))->code;
    if (IS_TYPE(x, code_type))
        return (CodeObj *)AS_OBJ(x);
    err_set(&exc_TypeError, "don't know how to disassemble %s objects",
            val_type_name(x));
    return NULL;
}

/* dis.dis(x, *, file=None) */
static Value dismod_dis(Value *args, int nargs, TupleObj *kwnames)
{
    static const char *const names[] = {"x", "file"};
    Value v[2];
    if (args_bind("dis", args, nargs, kwnames, names, 2, 1, 1, v) < 0)
        return V_NULL;
    CodeObj *co = code_of(v[0]);
    if (co == NULL)
        return V_NULL;
    Value file = IS_NULL(v[1]) || IS_NONE(v[1]) ? sys_get("stdout") : v[1];
    if (IS_NULL(file))
        return err_set(&exc_RuntimeError, "lost sys.stdout");
    if (dis_print_code(co, file) < 0)
        return V_NULL;
    return V_NONE;
}

static const MethodDef dismod_methods[] = {
    {"dis", dismod_dis, 0},
    {NULL, NULL, 0},
};

static ModuleObj *dis_module_init(void)
{
    ModuleObj *m = module_new("dis");
    module_add_methods(m, dismod_methods);
    ListObj *opname = list_new(0);
    Value l = V_OBJ(opname);
    gc_root_push(&l);
    for (int i = 0; i < OP_COUNT; i++)
        list_append(opname, V_OBJ(str_from_cstr(opnames[i])));
    module_add(m, "opname", l);
    gc_root_pop(1);
    return m;
}

void dismod_register(void)
{
    module_register("dis", dis_module_init);
}
