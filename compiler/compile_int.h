/* compile_int.h - what the code generator's files share (compile.c,
 * compile_stmt.c, compile_expr.c, assemble.c).  Not for use outside
 * compiler/.
 *
 * Every compile function returns 0, or -1 with an exception set (a
 * SyntaxError, or MemoryError).  Emitting an instruction cannot fail
 * visibly: running out of memory sets c->oom, which is reported once at
 * the end of the unit.
 */
#ifndef SIGVM_COMPILE_INT_H
#define SIGVM_COMPILE_INT_H

#include "compiler/ast.h"
#include "compiler/compiler.h"
#include "compiler/symtable.h"
#include "runtime/runtime.h"

#define TRY(x)                  \
    do {                        \
        if ((x) < 0)            \
            return -1;          \
    } while (0)

/* One instruction before assembly: jumps hold a label number in arg. */
typedef struct Instr {
    int op;
    int arg;
    int line;
} Instr;

/* The statically nested constructs that break, continue and return must
 * unwind (CPython's fblockinfo). */
typedef enum FBlockKind {
    FB_WHILE,
    FB_FOR,
    FB_TRY_EXCEPT,        /* inside try: with except clauses */
    FB_FINALLY_TRY,       /* inside try: of try/finally */
    FB_FINALLY_END,       /* the finally body run for an exception */
    FB_WITH,
    FB_HANDLER_CLEANUP,   /* an except clause's body */
    FB_POP_VALUE,         /* a value to pop (return through finally) */
    FB_EXCEPTION_HANDLER  /* matching except clauses */
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int start;            /* label: loop top, for continue */
    int exit;             /* label: after the loop, for break */
    const AstNode *node;  /* finally body owner / with stmt / handler */
} FBlock;

typedef enum UnitKind { UNIT_MODULE, UNIT_FUNCTION, UNIT_CLASS } UnitKind;

/* The code object being generated. */
typedef struct Unit {
    struct Unit *parent;
    SymtBlock *ste;
    UnitKind kind;
    Instr *ins;
    int nins, capins;
    int *labels;          /* label -> instruction index, -1 until placed */
    int nlabels, caplabels;
    Value *consts;
    int nconsts, capconsts;
    int32_t *const_index; /* open addressing into consts, -1 empty */
    int nconst_index;     /* power of two */
    StrObj **names;
    int nnames, capnames;
    StrObj **varnames;
    int nvarnames, capvarnames;
    StrObj **cellvars;
    int ncells;
    StrObj **freevars;
    int nfrees;
    int *cell2arg;
    FBlock fblocks[FRAME_MAXBLOCKS];
    int nfblocks;
    int argcount, kwonlyargcount, flags, firstlineno;
    int line;             /* line given to the next instruction */
    StrObj *name, *qualname;
} Unit;

typedef struct Compiler {
    Symtable *st;
    Unit *u;
    const char *filename;
    StrObj *filename_str;
    const char *src;      /* may be NULL */
    size_t srclen;
    int mode;             /* COMP_* */
    int nestlevel;        /* 1 while in the module's own code */
    int oom;
} Compiler;

/* compile.c: units, constants, names, errors, name operations. */
int comp_enter_unit(Compiler *c, SymtBlock *ste, UnitKind kind,
                    const char *name, int firstlineno);
CodeObj *comp_exit_unit(Compiler *c); /* assembles and pops the unit */
void comp_op(Compiler *c, int op, int arg);
void comp_jump(Compiler *c, int op, int label);
int comp_new_label(Compiler *c);
void comp_place(Compiler *c, int label);
int comp_add_const(Compiler *c, Value v);
void comp_load_const(Compiler *c, Value v);
int comp_name_index(Compiler *c, const char *name);
int comp_varname_index(Compiler *c, const char *name); /* adds if new */
void comp_name_op(Compiler *c, int op, const char *name);
int comp_nameop(Compiler *c, const char *name, AstContext ctx);
int comp_error(Compiler *c, const AstNode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int comp_push_fblock(Compiler *c, const AstNode *at, FBlockKind kind,
                     int start, int exit, const AstNode *node);
void comp_pop_fblock(Compiler *c);
int comp_unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop);
int comp_unwind_fblock(Compiler *c, FBlock *fb, int preserve_tos);
int comp_deref_index(Unit *u, const char *name); /* -1 if absent */
int comp_make_closure(Compiler *c, CodeObj *co, int flags);
StrObj *comp_intern(Compiler *c, const char *s);
/* The docstring constant that body starts with, or NULL. */
const AstConstant *comp_docstring(const AstNodeList *body);
int comp_call_exit_with_nones(Compiler *c);

/* compile_stmt.c */
int comp_stmt(Compiler *c, const AstNode *s);
int comp_stmts(Compiler *c, const AstNodeList *l);
int comp_body(Compiler *c, const AstNodeList *l); /* skips a docstring */

/* compile_expr.c */
int comp_expr(Compiler *c, const AstNode *e);
int comp_jump_if(Compiler *c, const AstNode *e, int label, int cond);
int comp_store_target(Compiler *c, const AstNode *t); /* value on TOS */
int comp_call_helper(Compiler *c, int pushed, const AstNodeList *args,
                     const AstNodeList *keywords);
int comp_default_args(Compiler *c, const AstNode *args, int *flags);
int comp_constant(Compiler *c, const AstNode *e, Value *out);
int comp_binop_arg(AstOperator op);       /* BOP_* for an AST operator */
int comp_const_truth(const AstNode *e);   /* 0, 1, or -1: not a constant */

/* assemble.c */
CodeObj *comp_assemble(Compiler *c, Unit *u);
int comp_stack_effect(int op, int arg, int jump);
int comp_is_jump(int op);

#endif
