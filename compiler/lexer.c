/*
 * lexer.c - the tokenizer.
 *
 * This follows tok_get() in CPython 3.11's Parser/tokenizer.c closely,
 * down to where it reads ahead and backs up, because the caret positions
 * of its error messages depend on exactly where the read position is when
 * an error is found.  See lexer.h for the hard/soft error split.
 */
#define _POSIX_C_SOURCE 200809L
#include "lexer.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TABSIZE 8
/* A kind that lex functions return for "no token yet, keep going". */
#define LEX_NO_TOKEN LEX_KIND_COUNT

static const char *const kind_names[LEX_KIND_COUNT] = {
    [LEX_ENDMARKER] = "ENDMARKER", [LEX_NAME] = "NAME",
    [LEX_NUMBER] = "NUMBER", [LEX_STRING] = "STRING",
    [LEX_NEWLINE] = "NEWLINE", [LEX_INDENT] = "INDENT",
    [LEX_DEDENT] = "DEDENT", [LEX_OP] = "OP", [LEX_ERROR] = "ERRORTOKEN",
#define LEX_X(name, text) [LEX_##name] = "'" text "'",
    LEX_OPERATORS(LEX_X)
    LEX_KEYWORDS(LEX_X)
#undef LEX_X
    [LEX_FIRST_KEYWORD] = "?",
};

const char *lex_kind_name(LexKind kind)
{
    if ((unsigned)kind >= LEX_KIND_COUNT)
        return "?";
    return kind_names[kind];
}

/* ------------------------------------------------------------------ */
/* Setup                                                               */
/* ------------------------------------------------------------------ */

int lex_init(Lexer *lx, const char *src, size_t len, const char *filename)
{
    memset(lx, 0, sizeof *lx);
    /* A UTF-8 byte order mark only announces the encoding. */
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) {
        src += 3;
        len -= 3;
    }
    char *buf = malloc(len + 3);
    if (!buf)
        return -1;
    /* Universal newlines, and a final newline, as CPython's reader. */
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            c = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        }
        buf[n++] = c;
    }
    if (n == 0 || buf[n - 1] != '\n')
        buf[n++] = '\n';
    buf[n] = '\0';
    lx->buf = buf;
    lx->buf_end = buf + n;
    lx->owns_buf = true;
    lx->end = buf + n;
    lx->cur = lx->inp = lx->line_start = buf;
    lx->filename = filename;
    lx->atbol = true;
    return 0;
}

void lex_init_expr(Lexer *lx, const Lexer *parent, const char *start,
                   const char *end, int lineno, const char *line_start)
{
    memset(lx, 0, sizeof *lx);
    lx->buf = parent->buf;
    lx->buf_end = parent->buf_end;
    lx->filename = parent->filename;
    lx->end = end;
    lx->cur = start;
    lx->line_start = line_start;
    const char *nl = memchr(start, '\n', (size_t)(end - start));
    lx->inp = nl ? nl + 1 : end;
    lx->lineno = lineno;
    lx->expr_mode = true;
}

void lex_free(Lexer *lx)
{
    if (lx->owns_buf)
        free(lx->buf);
    ast_error_clear(&lx->err);
    lx->buf = NULL;
}

const char *lex_line(const Lexer *lx, int lineno, size_t *len)
{
    const char *p = lx->buf;
    const char *end = lx->buf_end;
    if (!p || lineno < 1)
        return NULL;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (p >= end)
        return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    return p;
}

int lex_char_offset(const char *s, size_t nbytes)
{
    int n = 0;
    for (size_t i = 0; i < nbytes && s[i]; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* ------------------------------------------------------------------ */
/* Encoding check                                                      */
/* ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s, or 0: CPython's valid_utf8(),
 * which rejects overlong forms, surrogates and code points past U+10FFFF. */
static int valid_utf8(const unsigned char *s, const unsigned char *end)
{
    int expected;
    if (*s < 0x80)
        return 1;
    if (*s < 0xe0) {
        if (*s < 0xc2)
            return 0;
        expected = 1;
    } else if (*s < 0xf0) {
        if (s + 1 < end && ((*s == 0xe0 && s[1] < 0xa0) ||
                            (*s == 0xed && s[1] >= 0xa0)))
            return 0;
        expected = 2;
    } else if (*s < 0xf5) {
        if (s + 1 < end && (s[1] < 0x90 ? *s == 0xf0 : *s == 0xf4))
            return 0;
        expected = 3;
    } else
        return 0;
    if (end - s <= expected)
        return 0;
    for (int i = 1; i <= expected; i++)
        if (s[i] < 0x80 || s[i] >= 0xc0)
            return 0;
    return expected + 1;
}

/* CPython reads a file line by line and checks each line's encoding (up
 * to any NUL) and then looks for NULs, so the first bad line decides. */
int lex_check_encoding(const char *src, size_t len, const char *filename,
                       SyntaxErrorInfo *err)
{
    const unsigned char *p = (const unsigned char *)src;
    const unsigned char *end = p + len;
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    int lineno = 1;
    while (p < end) {
        const unsigned char *line = p;
        const unsigned char *eol = memchr(p, '\n', (size_t)(end - p));
        eol = eol ? eol + 1 : end;
        const unsigned char *nul = memchr(p, '\0', (size_t)(eol - p));
        const unsigned char *stop = nul ? nul : eol;
        for (const unsigned char *c = line; c < stop;) {
            int n = valid_utf8(c, stop);
            if (!n) {
                ast_error_set(err, SYNTAX_ERR_SYNTAX, filename, 0, 0, 0, 0,
                              NULL, NULL,
                              "Non-UTF-8 code starting with '\\x%02x' in file "
                              "%s on line %d, but no encoding declared; see "
                              "https://peps.python.org/pep-0263/ for details",
                              *c, filename ? filename : "<string>", lineno);
                return -1;
            }
            c += n;
        }
        if (nul) {
            ast_error_set(err, SYNTAX_ERR_SYNTAX, filename, lineno, 0, 0, 0,
                          (const char *)line, (const char *)nul,
                          "source code cannot contain null bytes");
            return -1;
        }
        p = eol;
        lineno++;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Reading characters                                                  */
/* ------------------------------------------------------------------ */

/* The next byte, or EOF.  The line number moves when the first byte of a
 * new line is read, not when a \n is, exactly as in CPython: a token that
 * ends a line still belongs to it. */
static int nextc(Lexer *lx)
{
    for (;;) {
        if (lx->cur < lx->inp)
            return (unsigned char)*lx->cur++;
        if (lx->inp >= lx->end)
            return EOF;
        lx->line_start = lx->inp;
        lx->lineno++;
        const char *nl = memchr(lx->inp, '\n', (size_t)(lx->end - lx->inp));
        lx->inp = nl ? nl + 1 : lx->end;
    }
}

static void backup(Lexer *lx, int c)
{
    if (c != EOF)
        lx->cur--;
}

/* Characters read on the current line, which is where CPython puts the
 * caret for most tokenizer errors. */
static int cur_offset(const Lexer *lx)
{
    return lex_char_offset(lx->line_start, (size_t)(lx->cur - lx->line_start));
}

static void set_error(Lexer *lx, SyntaxErrorKind kind, int lineno,
                      const char *line_start, int offset, int end_offset,
                      const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

static void set_error(Lexer *lx, SyntaxErrorKind kind, int lineno,
                      const char *line_start, int offset, int end_offset,
                      const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ast_error_set(&lx->err, kind, lx->filename, lineno, offset, lineno,
                  end_offset, line_start, lx->buf_end, "%s", msg);
}

/* CPython's syntaxerror(): a hard error with the caret just before the
 * read position. */
static LexKind hard_error(Lexer *lx, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static LexKind hard_error(Lexer *lx, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int off = cur_offset(lx);
    set_error(lx, SYNTAX_ERR_SYNTAX, lx->lineno, lx->line_start, off, off,
              "%s", msg);
    lx->hard_error = true;
    return LEX_ERROR;
}

/* A soft error placed at the end of the current line, where CPython's
 * read position is after it gives up on a line. */
static LexKind soft_error_eol(Lexer *lx, SyntaxErrorKind kind, int offset,
                              const char *msg)
{
    set_error(lx, kind, lx->lineno, lx->line_start, offset, 0, "%s", msg);
    return LEX_ERROR;
}

/* Soft errors are raised by CPython's parser, which reports byte offsets
 * (see parser.c); hard errors count characters. */
static int line_end_offset(const Lexer *lx)
{
    return (int)(lx->inp - lx->line_start);
}

/* "'(' was never closed", about the innermost open bracket. */
static LexKind unclosed_bracket(Lexer *lx)
{
    int i = lx->level - 1;
    size_t len;
    const char *line = lex_line(lx, lx->parenlineno[i], &len);
    set_error(lx, SYNTAX_ERR_SYNTAX, lx->parenlineno[i], line,
              lx->parencol[i] + 1, 0, "'%c' was never closed", lx->parenstack[i]);
    return LEX_ERROR;
}

void lex_set_unclosed_error(Lexer *lx)
{
    if (lx->level > 0)
        unclosed_bracket(lx);
}

/* ------------------------------------------------------------------ */
/* Identifiers                                                         */
/* ------------------------------------------------------------------ */

static bool is_ident_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 128;
}

static bool is_ident_char(int c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

/* Decode one UTF-8 sequence (already validated) at s; store its length. */
static unsigned decode_utf8(const char *s, int *len)
{
    unsigned char c = (unsigned char)s[0];
    int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    unsigned cp = n == 1 ? c : c & (0x7f >> n);
    for (int i = 1; i < n; i++)
        cp = (cp << 6) | ((unsigned char)s[i] & 0x3f);
    *len = n;
    return cp;
}

/* Whether a code point cannot be printed (str.isprintable() is false):
 * controls, format characters and separators.  Approximate outside the
 * ranges a script is likely to hold. */
static bool unicode_nonprintable(unsigned cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0xad ||
           (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
           (cp >= 0x2060 && cp <= 0x2064) || cp == 0xfeff ||
           (cp >= 0xe000 && cp <= 0xf8ff);
}

/* Whether a non-ASCII code point could be part of a Python identifier:
 * letters, marks and digits of the common scripts.  sigvm's identifiers
 * are ASCII, so this only chooses between two error messages. */
static bool unicode_identifier_char(unsigned cp)
{
    if (cp == 0xaa || cp == 0xb5 || cp == 0xb7 || cp == 0xba)
        return true;
    if (cp < 0xc0 || cp == 0xd7 || cp == 0xf7)
        return false;
    if (cp < 0x2000)
        return true;            /* Latin, Greek, Cyrillic, ..., Indic */
    if (cp < 0x3040)
        return cp >= 0x2070 && cp < 0x20a0;  /* super- and subscripts */
    if (cp < 0xa000)
        return true;            /* kana, CJK */
    if (cp >= 0xac00 && cp < 0xd7b0)
        return true;            /* Hangul */
    return false;
}

/* CPython's verify_identifier(): name the first character that cannot be
 * in an identifier, with the caret on it.  Valid non-ASCII names are
 * outside sigvm's subset. */
static bool verify_identifier(Lexer *lx)
{
    for (const char *p = lx->start; p < lx->cur;) {
        int n;
        unsigned cp = decode_utf8(p, &n);
        if (cp >= 128 && !unicode_identifier_char(cp)) {
            lx->cur = p + n;
            if (unicode_nonprintable(cp))
                hard_error(lx, "invalid non-printable character U+%04X", cp);
            else
                hard_error(lx, "invalid character '%.*s' (U+%04X)", n, p, cp);
            return false;
        }
        p += n;
    }
    hard_error(lx, "non-ASCII identifiers are not supported by sigvm");
    return false;
}

static const struct {
    const char *text;
    LexKind kind;
} keywords[] = {
#define LEX_X(name, text) { text, LEX_##name },
    LEX_KEYWORDS(LEX_X)
#undef LEX_X
};

static LexKind keyword_kind(const char *s, size_t len)
{
    if (len < 2 || len > 8 || !(s[0] >= 'a' || s[0] == 'F' || s[0] == 'N' ||
                                 s[0] == 'T'))
        return LEX_NAME;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i].text[0] == s[0] && strlen(keywords[i].text) == len &&
            memcmp(keywords[i].text, s, len) == 0)
            return keywords[i].kind;
    return LEX_NAME;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                             */
/* ------------------------------------------------------------------ */

static bool lookahead(Lexer *lx, const char *test)
{
    const char *s = test;
    int res = 0;
    for (;;) {
        int c = nextc(lx);
        if (*s == 0) {
            res = !is_ident_char(c);
        } else if (c == *s) {
            s++;
            continue;
        }
        backup(lx, c);
        while (s != test)
            backup(lx, *--s);
        return res;
    }
}

/* A number may be followed directly by one of the keywords that can
 * follow a number (`1if x else y`; CPython warns), but not by any other
 * identifier character. */
static bool verify_end_of_number(Lexer *lx, int c, const char *kind)
{
    bool r = false;
    if (c == 'a')
        r = lookahead(lx, "nd");
    else if (c == 'e')
        r = lookahead(lx, "lse");
    else if (c == 'f')
        r = lookahead(lx, "or");
    else if (c == 'i') {
        int c2 = nextc(lx);
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(lx, c2);
    } else if (c == 'o')
        r = lookahead(lx, "r");
    else if (c == 'n')
        r = lookahead(lx, "ot");
    if (r)
        return true;
    if (is_ident_char(c)) {
        backup(lx, c);
        hard_error(lx, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* Digits with single underscores between them; returns the first char
 * after, or 0 after an error. */
static int decimal_tail(Lexer *lx)
{
    int c;
    for (;;) {
        do
            c = nextc(lx);
        while (isdigit(c));
        if (c != '_')
            break;
        c = nextc(lx);
        if (!isdigit(c)) {
            backup(lx, c);
            hard_error(lx, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

/* 0x / 0o / 0b literals.  `valid` tests a digit of the base; `name` is
 * for messages.  Octal and binary name a wrong decimal digit. */
static LexKind radix_number(Lexer *lx, int base, const char *name)
{
    int c = nextc(lx);
    do {
        if (c == '_')
            c = nextc(lx);
        bool ok = base == 16 ? isxdigit(c) : (c >= '0' && c < '0' + base);
        if (!ok) {
            if (base != 16 && isdigit(c))
                return hard_error(lx, "invalid digit '%c' in %s literal", c, name);
            backup(lx, c);
            return hard_error(lx, "invalid %s literal", name);
        }
        do {
            c = nextc(lx);
            ok = base == 16 ? isxdigit(c) : (c >= '0' && c < '0' + base);
        } while (ok);
    } while (c == '_');
    if (base != 16 && isdigit(c))
        return hard_error(lx, "invalid digit '%c' in %s literal", c, name);
    if (!verify_end_of_number(lx, c, name))
        return LEX_ERROR;
    backup(lx, c);
    return LEX_NUMBER;
}

/* The part of a decimal number after its integer digits: fraction,
 * exponent, imaginary suffix.  `c` is the char after what was read. */
static LexKind number_rest(Lexer *lx, int c, bool in_fraction)
{
    if (in_fraction || c == '.') {
        if (!in_fraction)
            c = nextc(lx);
        if (isdigit(c)) {
            c = decimal_tail(lx);
            if (c == 0)
                return LEX_ERROR;
        }
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(lx);
        if (c == '+' || c == '-') {
            c = nextc(lx);
            if (!isdigit(c)) {
                backup(lx, c);
                return hard_error(lx, "invalid decimal literal");
            }
        } else if (!isdigit(c)) {
            backup(lx, c);
            if (!verify_end_of_number(lx, e, "decimal"))
                return LEX_ERROR;
            backup(lx, e);
            return LEX_NUMBER;
        }
        c = decimal_tail(lx);
        if (c == 0)
            return LEX_ERROR;
    }
    if (c == 'j' || c == 'J') {
        c = nextc(lx);
        if (!verify_end_of_number(lx, c, "imaginary"))
            return LEX_ERROR;
    } else if (!verify_end_of_number(lx, c, "decimal"))
        return LEX_ERROR;
    backup(lx, c);
    return LEX_NUMBER;
}

/* A number starting with 0: radix prefix, zeros, or a float. */
static LexKind zero_number(Lexer *lx)
{
    int c = nextc(lx);
    if (c == 'x' || c == 'X')
        return radix_number(lx, 16, "hexadecimal");
    if (c == 'o' || c == 'O')
        return radix_number(lx, 8, "octal");
    if (c == 'b' || c == 'B')
        return radix_number(lx, 2, "binary");
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = nextc(lx);
            if (!isdigit(c)) {
                backup(lx, c);
                return hard_error(lx, "invalid decimal literal");
            }
        }
        if (c != '0')
            break;
        c = nextc(lx);
    }
    const char *zeros_end = lx->cur;
    if (isdigit(c)) {
        nonzero = true;
        c = decimal_tail(lx);
        if (c == 0)
            return LEX_ERROR;
    }
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J')
        return number_rest(lx, c, false);
    if (nonzero) {
        backup(lx, c);
        set_error(lx, SYNTAX_ERR_SYNTAX, lx->lineno, lx->line_start,
                  lex_char_offset(lx->line_start,
                                  (size_t)(lx->start - lx->line_start)) + 1,
                  lex_char_offset(lx->line_start,
                                  (size_t)(zeros_end - lx->line_start)),
                  "leading zeros in decimal integer literals are not "
                  "permitted; use an 0o prefix for octal integers");
        lx->hard_error = true;
        return LEX_ERROR;
    }
    if (!verify_end_of_number(lx, c, "decimal"))
        return LEX_ERROR;
    backup(lx, c);
    return LEX_NUMBER;
}

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

/* The rest of a string literal whose opening quote was just read.  An
 * unterminated literal is reported from its first character. */
static LexKind string_body(Lexer *lx, int quote, LexToken *t)
{
    int quote_size = 1, end_quote_size = 0;
    int first_lineno = lx->lineno;
    const char *first_line_start = lx->line_start;
    int c = nextc(lx);
    if (c == quote) {
        c = nextc(lx);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1;     /* the empty string */
    }
    if (c != quote)
        backup(lx, c);
    while (end_quote_size != quote_size) {
        c = nextc(lx);
        if (c == EOF || (quote_size == 1 && c == '\n')) {
            int detected = lx->lineno;
            lx->cur = lx->start + 1;
            lx->line_start = first_line_start;
            lx->lineno = first_lineno;
            if (quote_size == 3) {
                lx->eof_in_triple_string = true;
                return hard_error(lx, "unterminated triple-quoted string "
                                      "literal (detected at line %d)", detected);
            }
            return hard_error(lx, "unterminated string literal (detected at "
                                  "line %d)", detected);
        }
        if (c == quote)
            end_quote_size++;
        else {
            end_quote_size = 0;
            if (c == '\\')
                nextc(lx);
        }
    }
    t->lineno = first_lineno;
    t->col = (int)(lx->start - first_line_start);
    return LEX_STRING;
}

/* ------------------------------------------------------------------ */
/* Indentation                                                         */
/* ------------------------------------------------------------------ */

/* A backslash-newline; returns the next char (not consumed) or -1 after
 * a soft error. */
static int continuation_line(Lexer *lx)
{
    int c = nextc(lx);
    if (c != '\n') {
        set_error(lx, SYNTAX_ERR_SYNTAX, lx->lineno, lx->line_start,
                  (int)(lx->cur - lx->line_start), 0,
                  "unexpected character after line continuation character");
        return -1;
    }
    c = nextc(lx);
    if (c == EOF) {
        lx->cur = lx->inp;
        lx->eof_after_backslash = true;
        if (lx->level)
            unclosed_bracket(lx);
        else
            soft_error_eol(lx, SYNTAX_ERR_SYNTAX, line_end_offset(lx),
                           "unexpected EOF while parsing");
        return -1;
    }
    backup(lx, c);
    return c;
}

/* Measure the indentation at the start of a line and queue INDENT or
 * DEDENT tokens.  Returns LEX_NO_TOKEN, or LEX_ERROR after a soft error. */
static LexKind read_indentation(Lexer *lx)
{
    int col = 0, altcol = 0, cont_line_col = 0, c;
    lx->atbol = false;
    for (;;) {
        c = nextc(lx);
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol++;
        } else if (c == '\014') {
            col = altcol = 0;
        } else if (c == '\\') {
            /* The first backslash-continued blank prefix sets the level. */
            cont_line_col = cont_line_col ? cont_line_col : col;
            if ((c = continuation_line(lx)) == -1)
                return LEX_ERROR;
        } else
            break;
    }
    backup(lx, c);
    if (c == '#' || c == '\n') {
        lx->blankline = true;   /* comment-only and blank lines don't count */
        return LEX_NO_TOKEN;
    }
    if (lx->level != 0)
        return LEX_NO_TOKEN;
    if (cont_line_col)
        col = altcol = cont_line_col;
    lx->dedent_col = c == EOF ? 0 : (int)(lx->cur - lx->line_start);
    if (col == lx->indstack[lx->indent]) {
        if (altcol != lx->altindstack[lx->indent])
            goto tab_error;
    } else if (col > lx->indstack[lx->indent]) {
        if (lx->indent + 1 >= LEX_MAXINDENT) {
            lx->cur = lx->inp;
            return soft_error_eol(lx, SYNTAX_ERR_INDENTATION, 1,
                                  "too many levels of indentation");
        }
        if (altcol <= lx->altindstack[lx->indent])
            goto tab_error;
        lx->pendin++;
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altindstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pendin--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent]) {
            lx->cur = lx->inp;
            return soft_error_eol(lx, SYNTAX_ERR_INDENTATION,
                                  line_end_offset(lx),
                                  "unindent does not match any outer "
                                  "indentation level");
        }
        if (altcol != lx->altindstack[lx->indent])
            goto tab_error;
    }
    return LEX_NO_TOKEN;
tab_error:
    lx->cur = lx->inp;
    return soft_error_eol(lx, SYNTAX_ERR_TAB, 1,
                          "inconsistent use of tabs and spaces in indentation");
}

/* ------------------------------------------------------------------ */
/* Operators                                                           */
/* ------------------------------------------------------------------ */

static LexKind one_char(int c)
{
    switch (c) {
    case '(': return LEX_LPAR;
    case ')': return LEX_RPAR;
    case '[': return LEX_LSQB;
    case ']': return LEX_RSQB;
    case ':': return LEX_COLON;
    case ',': return LEX_COMMA;
    case ';': return LEX_SEMI;
    case '+': return LEX_PLUS;
    case '-': return LEX_MINUS;
    case '*': return LEX_STAR;
    case '/': return LEX_SLASH;
    case '|': return LEX_VBAR;
    case '&': return LEX_AMPER;
    case '<': return LEX_LESS;
    case '>': return LEX_GREATER;
    case '=': return LEX_EQUAL;
    case '.': return LEX_DOT;
    case '%': return LEX_PERCENT;
    case '{': return LEX_LBRACE;
    case '}': return LEX_RBRACE;
    case '~': return LEX_TILDE;
    case '^': return LEX_CIRCUMFLEX;
    case '@': return LEX_AT;
    default: return LEX_OP;
    }
}

static LexKind two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': return c2 == '=' ? LEX_NOTEQUAL : LEX_NO_TOKEN;
    case '%': return c2 == '=' ? LEX_PERCENTEQUAL : LEX_NO_TOKEN;
    case '&': return c2 == '=' ? LEX_AMPEREQUAL : LEX_NO_TOKEN;
    case '*': return c2 == '*' ? LEX_DOUBLESTAR : c2 == '=' ? LEX_STAREQUAL : LEX_NO_TOKEN;
    case '+': return c2 == '=' ? LEX_PLUSEQUAL : LEX_NO_TOKEN;
    case '-': return c2 == '=' ? LEX_MINEQUAL : c2 == '>' ? LEX_RARROW : LEX_NO_TOKEN;
    case '/': return c2 == '/' ? LEX_DOUBLESLASH : c2 == '=' ? LEX_SLASHEQUAL : LEX_NO_TOKEN;
    case ':': return c2 == '=' ? LEX_COLONEQUAL : LEX_NO_TOKEN;
    case '<':
        return c2 == '<' ? LEX_LEFTSHIFT : c2 == '=' ? LEX_LESSEQUAL
             : c2 == '>' ? LEX_LESSGREATER : LEX_NO_TOKEN;
    case '=': return c2 == '=' ? LEX_EQEQUAL : LEX_NO_TOKEN;
    case '>':
        return c2 == '=' ? LEX_GREATEREQUAL : c2 == '>' ? LEX_RIGHTSHIFT : LEX_NO_TOKEN;
    case '@': return c2 == '=' ? LEX_ATEQUAL : LEX_NO_TOKEN;
    case '^': return c2 == '=' ? LEX_CIRCUMFLEXEQUAL : LEX_NO_TOKEN;
    case '|': return c2 == '=' ? LEX_VBAREQUAL : LEX_NO_TOKEN;
    default: return LEX_NO_TOKEN;
    }
}

static LexKind three_chars(LexKind two, int c3)
{
    if (c3 != '=')
        return LEX_NO_TOKEN;
    switch (two) {
    case LEX_DOUBLESTAR: return LEX_DOUBLESTAREQUAL;
    case LEX_DOUBLESLASH: return LEX_DOUBLESLASHEQUAL;
    case LEX_LEFTSHIFT: return LEX_LEFTSHIFTEQUAL;
    case LEX_RIGHTSHIFT: return LEX_RIGHTSHIFTEQUAL;
    default: return LEX_NO_TOKEN;
    }
}

/* Track bracket nesting; closing brackets must match. */
static LexKind bracket(Lexer *lx, int c)
{
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (lx->level >= LEX_MAXLEVEL)
            return hard_error(lx, "too many nested parentheses");
        lx->parenstack[lx->level] = (char)c;
        lx->parenlineno[lx->level] = lx->lineno;
        lx->parencol[lx->level] = (int)(lx->start - lx->line_start);
        lx->level++;
        break;
    case ')':
    case ']':
    case '}': {
        if (!lx->level)
            return hard_error(lx, "unmatched '%c'", c);
        lx->level--;
        int open = lx->parenstack[lx->level];
        if ((open == '(' && c == ')') || (open == '[' && c == ']') ||
            (open == '{' && c == '}'))
            break;
        if (lx->parenlineno[lx->level] != lx->lineno)
            return hard_error(lx, "closing parenthesis '%c' does not match "
                                  "opening parenthesis '%c' on line %d",
                              c, open, lx->parenlineno[lx->level]);
        return hard_error(lx, "closing parenthesis '%c' does not match "
                              "opening parenthesis '%c'", c, open);
    }
    }
    return LEX_NO_TOKEN;
}

/* ------------------------------------------------------------------ */
/* The tokenizer proper                                                */
/* ------------------------------------------------------------------ */

/* Everything from the first character of a token on; `c` was just read
 * and lx->start points at it. */
static LexKind token_body(Lexer *lx, int c, LexToken *t)
{
    if (is_ident_start(c)) {
        /* String prefixes: any of b, r, u, f in the legal combinations. */
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = true;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = true;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = true;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = true;
            else
                break;
            c = nextc(lx);
            if (c == '"' || c == '\'')
                return string_body(lx, c, t);
        }
        bool nonascii = false;
        while (is_ident_char(c)) {
            nonascii |= c >= 128;
            c = nextc(lx);
        }
        backup(lx, c);
        if (nonascii && !verify_identifier(lx))
            return LEX_ERROR;
        return keyword_kind(lx->start, (size_t)(lx->cur - lx->start));
    }
    if (c == '.') {
        c = nextc(lx);
        if (isdigit(c))
            return number_rest(lx, c, true);
        if (c == '.') {
            c = nextc(lx);
            if (c == '.')
                return LEX_ELLIPSIS;
            backup(lx, c);
            backup(lx, '.');
        } else
            backup(lx, c);
        return LEX_DOT;
    }
    if (isdigit(c)) {
        if (c == '0')
            return zero_number(lx);
        c = decimal_tail(lx);
        if (c == 0)
            return LEX_ERROR;
        return number_rest(lx, c, false);
    }
    if (c == '"' || c == '\'')
        return string_body(lx, c, t);
    int c2 = nextc(lx);
    LexKind k = two_chars(c, c2);
    if (k != LEX_NO_TOKEN) {
        int c3 = nextc(lx);
        LexKind k3 = three_chars(k, c3);
        if (k3 != LEX_NO_TOKEN)
            return k3;
        backup(lx, c3);
        return k;
    }
    backup(lx, c2);
    k = bracket(lx, c);
    if (k != LEX_NO_TOKEN)
        return k;
    if (c < 128 && unicode_nonprintable((unsigned)c))
        return hard_error(lx, "invalid non-printable character U+%04X", c);
    return one_char(c);
}

static LexKind tok_get(Lexer *lx, LexToken *t)
{
    int c;
nextline:
    lx->blankline = false;
    if (lx->atbol && !lx->expr_mode) {
        if (read_indentation(lx) == LEX_ERROR)
            return LEX_ERROR;
    }
    t->lineno = lx->lineno;
    t->col = lx->dedent_col;
    lx->start = lx->cur;
    if (lx->pendin != 0) {
        t->start = lx->cur;
        if (lx->pendin < 0) {
            lx->pendin++;
            return LEX_DEDENT;
        }
        lx->pendin--;
        return LEX_INDENT;
    }
again:
    do
        c = nextc(lx);
    while (c == ' ' || c == '\t' || c == '\014');
    lx->start = c == EOF ? lx->cur : lx->cur - 1;
    t->lineno = lx->lineno;
    t->col = (int)(lx->start - lx->line_start);
    if (c == '#') {
        while (c != EOF && c != '\n')
            c = nextc(lx);
    }
    if (c == EOF) {
        /* A file's end has no column; a replacement field's is where the
         * field's text ends. */
        t->col = lx->expr_mode ? (int)(lx->cur - lx->line_start) : 0;
        if (lx->level) {
            lx->eof_in_bracket = true;
            return unclosed_bracket(lx);
        }
        return LEX_ENDMARKER;
    }
    if (c == '\n') {
        lx->atbol = true;
        if (lx->blankline || lx->level > 0 || lx->expr_mode)
            goto nextline;
        /* As CPython's, the token starts where a comment before it does
         * and ends where the \n is, which it leaves out. */
        t->lineno = t->end_lineno = lx->lineno;
        t->start = lx->start;
        t->len = (size_t)(lx->cur - 1 - lx->start);
        t->end_col = (int)(lx->cur - 1 - lx->line_start);
        return LEX_NEWLINE;
    }
    if (c == '\\') {
        if (continuation_line(lx) == -1)
            return LEX_ERROR;
        goto again;
    }
    return token_body(lx, c, t);
}

LexKind lex_next(Lexer *lx, LexToken *t)
{
    if (lx->done) {
        t->kind = lx->final_kind;
        t->start = lx->cur;
        t->len = 0;
        return t->kind;
    }
    t->start = NULL;
    t->len = (size_t)-1;
    LexKind k = tok_get(lx, t);
    if (t->len == (size_t)-1) {
        /* Most tokens end where reading stopped. */
        if (!t->start)
            t->start = lx->start;
        t->len = (size_t)(lx->cur - t->start);
        if (k == LEX_INDENT || k == LEX_DEDENT || k == LEX_ENDMARKER)
            t->len = 0;
        t->end_lineno = lx->lineno;
        t->end_col = (int)(lx->cur - lx->line_start);
        if (t->len == 0)
            t->end_col = t->col;
    }
    t->kind = k;
    /* A replacement field is parsed as if inside parentheses. */
    t->level = lx->level + lx->expr_mode;
    if (k == LEX_ENDMARKER || k == LEX_ERROR) {
        lx->done = true;
        lx->final_kind = k;
    }
    return k;
}
