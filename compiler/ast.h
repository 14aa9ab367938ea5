/*
 * ast.h - the abstract syntax tree produced by the sigvm front end.
 *
 * The shape follows CPython's ast module (Python/Python.asdl, 3.11) so that
 * `ast.dump(ast.parse(src))` can serve as the reference for the tests, and so
 * that anyone who knows CPython's compiler can read the code generator.
 *
 * Every node is one AstNode: a kind, a source range and a union of per-kind
 * fields.  The helper records CPython keeps separate (arguments, arg,
 * keyword, alias, withitem, excepthandler, comprehension) are AstNodes too,
 * with their own kinds, so a single list type and a single allocator serve
 * the whole tree.  All nodes, lists and strings live in an AstArena and are
 * released together by ast_arena_free(); nothing in the tree is freed alone.
 *
 * The front end does not know about runtime objects: literals are plain C
 * data (see the `constant` member).
 *
 * This header is shared with the code generator: fields and kinds are only
 * ever appended, never renamed or reordered.
 */
#ifndef SIGVM_AST_H
#define SIGVM_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum AstKind {
    /* Top level. */
    AST_MODULE,             /* module: a whole file or -c string */
    AST_INTERACTIVE,        /* module: one REPL statement (exprs are echoed) */

    /* Statements. */
    AST_FUNCTION_DEF,       /* function_def */
    AST_CLASS_DEF,          /* class_def */
    AST_RETURN,             /* return_ */
    AST_DELETE,             /* delete_ */
    AST_ASSIGN,             /* assign */
    AST_AUG_ASSIGN,         /* aug_assign */
    AST_ANN_ASSIGN,         /* ann_assign */
    AST_FOR,                /* for_ */
    AST_WHILE,              /* while_ */
    AST_IF,                 /* if_ */
    AST_WITH,               /* with */
    AST_RAISE,              /* raise */
    AST_TRY,                /* try_ */
    AST_ASSERT,             /* assert_ */
    AST_IMPORT,             /* import */
    AST_IMPORT_FROM,        /* import_from */
    AST_GLOBAL,             /* global (names) */
    AST_NONLOCAL,           /* global (names), same shape as Global */
    AST_EXPR,               /* expr */
    AST_PASS,               /* no fields */
    AST_BREAK,              /* no fields */
    AST_CONTINUE,           /* no fields */

    /* Expressions. */
    AST_BOOL_OP,            /* bool_op */
    AST_BIN_OP,             /* bin_op */
    AST_UNARY_OP,           /* unary_op */
    AST_LAMBDA,             /* lambda */
    AST_IF_EXP,             /* if_exp */
    AST_DICT,               /* dict */
    AST_SET,                /* set */
    AST_LIST_COMP,          /* comp */
    AST_SET_COMP,           /* comp */
    AST_DICT_COMP,          /* dict_comp */
    AST_GENERATOR_EXP,      /* comp */
    AST_YIELD,              /* yield (value may be NULL) */
    AST_YIELD_FROM,         /* yield (value never NULL) */
    AST_COMPARE,            /* compare */
    AST_CALL,               /* call */
    AST_FORMATTED_VALUE,    /* formatted_value */
    AST_JOINED_STR,         /* joined_str */
    AST_CONSTANT,           /* constant */
    AST_ATTRIBUTE,          /* attribute */
    AST_SUBSCRIPT,          /* subscript */
    AST_STARRED,            /* starred */
    AST_NAME,               /* name */
    AST_LIST,               /* seq */
    AST_TUPLE,              /* seq */
    AST_SLICE,              /* slice */

    /* Helper records (CPython's non-expr, non-stmt node types). */
    AST_ARGUMENTS,          /* arguments */
    AST_ARG,                /* arg */
    AST_KEYWORD,            /* keyword */
    AST_ALIAS,              /* alias */
    AST_WITHITEM,           /* withitem */
    AST_EXCEPT_HANDLER,     /* except_handler */
    AST_COMPREHENSION,      /* comprehension */

    AST_KIND_COUNT
} AstKind;

/* Binary operators, in CPython's order. */
typedef enum AstOperator {
    AST_OP_ADD, AST_OP_SUB, AST_OP_MULT, AST_OP_MATMULT, AST_OP_DIV,
    AST_OP_MOD, AST_OP_POW, AST_OP_LSHIFT, AST_OP_RSHIFT, AST_OP_BITOR,
    AST_OP_BITXOR, AST_OP_BITAND, AST_OP_FLOORDIV
} AstOperator;

typedef enum AstBoolOperator { AST_BOOL_AND, AST_BOOL_OR } AstBoolOperator;

typedef enum AstUnaryOperator {
    AST_UNARY_INVERT, AST_UNARY_NOT, AST_UNARY_UADD, AST_UNARY_USUB
} AstUnaryOperator;

typedef enum AstCmpOp {
    AST_CMP_EQ, AST_CMP_NOT_EQ, AST_CMP_LT, AST_CMP_LT_E, AST_CMP_GT,
    AST_CMP_GT_E, AST_CMP_IS, AST_CMP_IS_NOT, AST_CMP_IN, AST_CMP_NOT_IN
} AstCmpOp;

/* Whether a Name/Attribute/Subscript/List/Tuple/Starred is read, bound or
 * deleted; set exactly as CPython sets it. */
typedef enum AstContext { AST_CTX_LOAD, AST_CTX_STORE, AST_CTX_DEL } AstContext;

typedef enum AstConstKind {
    AST_CONST_NONE, AST_CONST_TRUE, AST_CONST_FALSE, AST_CONST_ELLIPSIS,
    AST_CONST_INT, AST_CONST_FLOAT, AST_CONST_STR, AST_CONST_BYTES
} AstConstKind;

typedef struct AstNode AstNode;

/* An ordered list of nodes.  Some lists hold NULL entries where CPython has
 * None: dict.keys (for a `**mapping` entry) and arguments.kw_defaults (for a
 * required keyword-only parameter). */
typedef struct AstNodeList {
    AstNode **items;
    size_t count;
} AstNodeList;

/* A list of identifiers (Global/Nonlocal names). */
typedef struct AstIdentList {
    const char **items;
    size_t count;
} AstIdentList;

/*
 * A literal.  For AST_CONST_INT, `i` holds the value unless `big` is set:
 * then the literal does not fit in int64_t and the code generator reports
 * OverflowError.  One big literal is still useful: 9223372036854775808
 * (2**63) has `big` set and `i` == INT64_MIN, so `-9223372036854775808` can
 * be folded by the code generator.  For big literals `s`/`len` hold the
 * literal's source text (digits as written, e.g. "0x1_0000000000000000").
 * For AST_CONST_STR `s`/`len` are the decoded UTF-8 bytes; for
 * AST_CONST_BYTES the decoded bytes.  Both are also NUL-terminated (they may
 * contain NULs of their own, so use `len`).
 */
typedef struct AstConstant {
    AstConstKind kind;
    bool big;
    int64_t i;
    double f;
    const char *s;
    size_t len;
} AstConstant;

struct AstNode {
    AstKind kind;
    /* 1-based lines, 0-based UTF-8 byte columns, end exclusive: as CPython. */
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        /* AST_MODULE, AST_INTERACTIVE */
        struct { AstNodeList body; } module;

        /* statements */
        struct {
            const char *name;
            AstNode *args;              /* AST_ARGUMENTS */
            AstNodeList body;
            AstNodeList decorators;     /* outermost first, as written */
            AstNode *returns;           /* annotation or NULL (ignore it) */
            bool is_generator;          /* body contains yield / yield from */
        } function_def;
        struct {
            const char *name;
            AstNodeList bases;          /* sigvm allows at most one */
            AstNodeList keywords;       /* AST_KEYWORD (metaclass=...) */
            AstNodeList body;
            AstNodeList decorators;
        } class_def;
        struct { AstNode *value; } return_;        /* value may be NULL */
        struct { AstNodeList targets; } delete_;   /* ctx Del */
        struct {
            AstNodeList targets;        /* `a = b = v` gives [a, b] */
            AstNode *value;
        } assign;
        struct {
            AstNode *target;            /* Name, Attribute or Subscript */
            AstOperator op;
            AstNode *value;
        } aug_assign;
        struct {
            AstNode *target;
            AstNode *annotation;        /* parsed, to be ignored */
            AstNode *value;             /* may be NULL: `x: int` */
            bool simple;                /* target is a bare, unparenthesized name */
        } ann_assign;
        struct {
            AstNode *target;
            AstNode *iter;
            AstNodeList body;
            AstNodeList orelse;
        } for_;
        struct { AstNode *test; AstNodeList body; AstNodeList orelse; } while_;
        /* `elif` is an If alone in the orelse list, as in CPython. */
        struct { AstNode *test; AstNodeList body; AstNodeList orelse; } if_;
        struct {
            AstNodeList items;          /* AST_WITHITEM */
            AstNodeList body;
        } with;
        struct { AstNode *exc; AstNode *cause; } raise;  /* both may be NULL */
        struct {
            AstNodeList body;
            AstNodeList handlers;       /* AST_EXCEPT_HANDLER */
            AstNodeList orelse;
            AstNodeList finalbody;
        } try_;
        struct { AstNode *test; AstNode *msg; } assert_;  /* msg may be NULL */
        struct { AstNodeList names; } import;             /* AST_ALIAS */
        struct {
            const char *module;         /* dotted name, NULL for `from . import x` */
            AstNodeList names;          /* AST_ALIAS; one alias "*" if star */
            int level;                  /* number of leading dots */
            bool star;                  /* `from m import *` */
        } import_from;
        struct { AstIdentList names; } global;     /* AST_GLOBAL, AST_NONLOCAL */
        struct { AstNode *value; } expr;

        /* expressions */
        struct { AstBoolOperator op; AstNodeList values; } bool_op;  /* >= 2 values */
        struct { AstNode *left; AstOperator op; AstNode *right; } bin_op;
        struct { AstUnaryOperator op; AstNode *operand; } unary_op;
        struct {
            AstNode *args;              /* AST_ARGUMENTS */
            AstNode *body;
            bool is_generator;          /* `lambda: (yield)` */
        } lambda;
        struct { AstNode *test; AstNode *body; AstNode *orelse; } if_exp;
        struct {
            AstNodeList keys;           /* NULL key: `**values[i]` */
            AstNodeList values;
        } dict;
        struct { AstNodeList elts; } set;
        /* AST_LIST_COMP, AST_SET_COMP, AST_GENERATOR_EXP */
        struct {
            AstNode *elt;
            AstNodeList generators;     /* AST_COMPREHENSION, outermost first */
        } comp;
        struct {
            AstNode *key;
            AstNode *value;
            AstNodeList generators;
        } dict_comp;
        struct { AstNode *value; } yield;          /* AST_YIELD, AST_YIELD_FROM */
        struct {
            AstNode *left;
            AstCmpOp *ops;              /* comparators.count entries */
            AstNodeList comparators;
        } compare;
        struct {
            AstNode *func;
            AstNodeList args;           /* may contain AST_STARRED */
            AstNodeList keywords;       /* AST_KEYWORD; arg NULL for `**x` */
        } call;
        struct {
            AstNode *value;
            int conversion;             /* -1, 's', 'r' or 'a' */
            AstNode *format_spec;       /* AST_JOINED_STR or NULL */
        } formatted_value;
        struct { AstNodeList values; } joined_str;  /* Constant str / FormattedValue */
        AstConstant constant;
        struct { AstNode *value; const char *attr; AstContext ctx; } attribute;
        struct { AstNode *value; AstNode *slice; AstContext ctx; } subscript;
        struct { AstNode *value; AstContext ctx; } starred;
        struct { const char *id; AstContext ctx; } name;
        struct { AstNodeList elts; AstContext ctx; } seq;   /* AST_LIST, AST_TUPLE */
        struct { AstNode *lower; AstNode *upper; AstNode *step; } slice;  /* each may be NULL */

        /* helper records */
        struct {
            AstNodeList args;           /* AST_ARG, positional-or-keyword */
            AstNodeList defaults;       /* for the last defaults.count args */
            AstNode *vararg;            /* AST_ARG or NULL */
            AstNodeList kwonlyargs;     /* AST_ARG */
            AstNodeList kw_defaults;    /* same count as kwonlyargs; NULL = required */
            AstNode *kwarg;             /* AST_ARG or NULL */
        } arguments;
        struct { const char *arg; AstNode *annotation; } arg;  /* annotation may be NULL */
        struct { const char *arg; AstNode *value; } keyword;   /* arg NULL for `**value` */
        struct {
            const char *name;           /* dotted for `import a.b` */
            const char *asname;         /* NULL without `as` */
        } alias;
        struct { AstNode *context_expr; AstNode *optional_vars; } withitem;
        struct {
            AstNode *type;              /* NULL for a bare `except:` */
            const char *name;           /* NULL without `as` */
            AstNodeList body;
        } except_handler;
        struct {
            AstNode *target;            /* ctx Store */
            AstNode *iter;
            AstNodeList ifs;
        } comprehension;
    } v;
    /* The expression was written inside parentheses of its own (a group
     * like `(a + b)`; a tuple's parentheses do not count).  CPython keeps
     * no such flag; the parser uses it to pick its error messages. */
    bool parenthesized;
};

/*
 * A description of a syntax error, filled by the lexer and parser (and
 * usable by the code generator for the errors it finds).  It carries what
 * CPython's SyntaxError carries; the runtime turns it into an exception.
 */
typedef enum SyntaxErrorKind {
    SYNTAX_ERR_NONE,
    SYNTAX_ERR_SYNTAX,          /* SyntaxError */
    SYNTAX_ERR_INDENTATION,     /* IndentationError */
    SYNTAX_ERR_TAB,             /* TabError */
    SYNTAX_ERR_MEMORY           /* MemoryError: the arena could not grow */
} SyntaxErrorKind;

typedef struct SyntaxErrorInfo {
    SyntaxErrorKind kind;
    char msg[256];              /* e.g. "expected ':'" */
    const char *filename;       /* the caller's string, not copied */
    int lineno;                 /* 1-based; 0 if unknown */
    /* 1-based column of the caret, 0 if none, and the exclusive end (0 if
     * none), as CPython 3.11's SyntaxError.offset/end_offset: characters
     * for errors its tokenizer finds itself (bad tokens, unterminated
     * strings), bytes for all others (CPython converts those only for
     * files that declare an encoding). */
    int offset;
    int end_lineno;
    int end_offset;
    char *text;                 /* the offending line without its newline,
                                 * malloc'd (free with ast_error_clear), or NULL */
} SyntaxErrorInfo;

/* An arena: nodes, lists and strings of one tree, freed in one call.  It is
 * a plain struct so that callers can keep it on the stack. */
typedef struct AstArenaBlock AstArenaBlock;
typedef struct AstArena {
    AstArenaBlock *head;        /* block being filled; older blocks follow */
    char *cur, *end;            /* free space in head */
} AstArena;

void ast_arena_init(AstArena *arena);
void ast_arena_free(AstArena *arena);
/* Zeroed, pointer-aligned memory, or NULL when out of memory. */
void *ast_arena_alloc(AstArena *arena, size_t size);
/* A NUL-terminated copy of s[0..len), or NULL when out of memory. */
char *ast_arena_strndup(AstArena *arena, const char *s, size_t len);

/* A new zeroed node of `kind`, or NULL when out of memory. */
AstNode *ast_node_new(AstArena *arena, AstKind kind, int lineno, int col,
                      int end_lineno, int end_col);

/* CPython's class name for a kind: "FunctionDef", "BinOp", ... */
const char *ast_kind_name(AstKind kind);
const char *ast_operator_name(AstOperator op);          /* "Add" */
const char *ast_operator_symbol(AstOperator op);        /* "+" */
const char *ast_cmpop_name(AstCmpOp op);                /* "NotEq" */

/* Print `node` as Python's ast.dump(node) would (3.11, no attributes, no
 * indent), so tests can compare against CPython directly. */
void ast_dump(FILE *out, const AstNode *node);
/* The same into a malloc'd string (caller frees), or NULL. */
char *ast_dump_string(const AstNode *node);

/* Fill `err`; the message is printf-style. `line_start` points at the start
 * of the offending source line (may be NULL), which is copied into err->text. */
void ast_error_set(SyntaxErrorInfo *err, SyntaxErrorKind kind,
                   const char *filename, int lineno, int offset,
                   int end_lineno, int end_offset,
                   const char *line_start, const char *src_end,
                   const char *fmt, ...)
    __attribute__((format(printf, 10, 11)));
/* Release err->text and reset `err` to SYNTAX_ERR_NONE. */
void ast_error_clear(SyntaxErrorInfo *err);
/* Print the error as CPython does for an uncaught SyntaxError:
 *   File "t.py", line 1
 *     x = (
 *         ^
 * SyntaxError: '(' was never closed
 */
void ast_error_print(FILE *out, const SyntaxErrorInfo *err);
/* "SyntaxError", "IndentationError", "TabError" or "MemoryError". */
const char *ast_error_kind_name(SyntaxErrorKind kind);

#endif /* SIGVM_AST_H */
