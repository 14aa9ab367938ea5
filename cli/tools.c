/* tools.c - sigvm's teaching and testing options (see tools.h and
 * doc/sigvm.1): parsing them, switching the recorder in runtime/sigtrace
 * on, and `-m dis`.
 */
#include "cli/tools.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compiler/compiler.h"
#include "runtime/runtime.h"
#include "runtime/sigtrace.h"
#include "stdlib/stdlib.h"
#include "vm/vm.h"

static TrcConfig config = {.trace_fd = -1, .trace_times = 1};
static const char *trace_path;   /* NULL: stderr */
static int trace_wanted;
static int dis_wanted;

/* "SIGUSR1@40,SIGINT@100": each injection in order of instruction
 * number (stable for equal numbers). */
static int parse_inject(const char *prog, const char *spec)
{
    char *copy = strdup(spec), *save = NULL;
    for (char *item = strtok_r(copy, ",", &save); item;
         item = strtok_r(NULL, ",", &save)) {
        char *at = strchr(item, '@');
        char *end = NULL;
        long long n = at ? strtoll(at + 1, &end, 10) : 0;
        if (at)
            *at = 0;
        int sig = trc_signal_number(item);
        if (!at || sig < 0 || *end || n < 1 ||
            config.ninject == TRC_MAX_INJECT) {
            fprintf(stderr, "%s: --inject takes SIGNAL@N[,SIGNAL@N...] with "
                            "N >= 1 (at most %d), not '%s'\n",
                    prog, TRC_MAX_INJECT, spec);
            free(copy);
            return -1;
        }
        int k = config.ninject++;
        while (k > 0 && config.inject_at[k - 1] > (uint64_t)n) {
            config.inject_at[k] = config.inject_at[k - 1];
            config.inject_signum[k] = config.inject_signum[k - 1];
            k--;
        }
        config.inject_at[k] = (uint64_t)n;
        config.inject_signum[k] = sig;
    }
    free(copy);
    return 0;
}

/* The value of "--name=VALUE" or "--name VALUE"; NULL after printing a
 * usage error. */
static const char *value_of(const char *prog, const char *name, int argc,
                            char **argv, int *i)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (a[n] == '=')
        return a + n + 1;
    if (*i + 1 < argc)
        return argv[++*i];
    fprintf(stderr, "%s: %s needs an argument\n", prog, name);
    return NULL;
}

static int is_option(const char *a, const char *name)
{
    size_t n = strlen(name);
    return strncmp(a, name, n) == 0 && (a[n] == 0 || a[n] == '=');
}

int tools_long_option(const char *prog, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (is_option(a, "--trace-signals")) {
        trace_wanted = 1;
        trace_path = a[15] == '=' ? a + 16 : NULL;
        return TOOLS_OK;
    }
    if (strcmp(a, "--trace-no-times") == 0) {
        config.trace_times = 0;
        return TOOLS_OK;
    }
    if (is_option(a, "--inject")) {
        const char *v = value_of(prog, "--inject", argc, argv, i);
        return v && parse_inject(prog, v) == 0 ? TOOLS_OK : 2;
    }
    if (is_option(a, "--timeline")) {
        const char *v = value_of(prog, "--timeline", argc, argv, i);
        if (!v)
            return 2;
        config.timeline_path = v;
        return TOOLS_OK;
    }
    return TOOLS_NOT_MINE;
}

int tools_module_main(const char *module)
{
    if (strcmp(module, "dis") != 0)
        return 0;
    dis_wanted = 1;
    return 1;
}

int tools_dis_requested(void)
{
    return dis_wanted;
}

void tools_help(void)
{
    printf("-m dis FILE : list FILE's bytecode and the eval-breaker check "
           "points\n"
           "--trace-signals[=FILE] : trace each signal's arrival and its "
           "handler's run\n"
           "         (to stderr, or FILE; '-' is stdout)\n"
           "--trace-no-times : print '-' instead of microseconds in the "
           "trace\n"
           "--inject SIG@N[,SIG@N...] : send SIG to the main thread just "
           "before its\n"
           "         N-th instruction (reproducible signal timing)\n"
           "--timeline FILE : write a Chrome trace-event JSON timeline, or "
           "an SVG\n"
           "         picture when FILE ends in .svg\n");
}

/* Before a trace line: the script's own output so far comes first. */
static void flush_script_output(void)
{
    if (std_flush_stdio() < 0)
        err_clear();
}

static int open_trace(const char *prog)
{
    if (trace_path == NULL)
        return 2;
    if (strcmp(trace_path, "-") == 0)
        return 1;
    int fd = open(trace_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
        fprintf(stderr, "%s: cannot open trace file '%s': %s\n", prog,
                trace_path, strerror(errno));
    return fd;
}

int tools_start(const char *prog, const char *script)
{
    dis_cpython_checkpoints = vm_checkpoint_policy == VM_CHECK_CPYTHON;
    if (!trace_wanted && config.timeline_path == NULL && config.ninject == 0)
        return 0;
    if (trace_wanted && (config.trace_fd = open_trace(prog)) < 0)
        return -1;
    const char *base = script ? strrchr(script, '/') : NULL;
    config.program = base ? base + 1 : script ? script : "";
    trc_flush_hook = flush_script_output;
    vm_trace_hook = trc_instr_hook;
    trc_start(&config);
    return 0;
}

void tools_finish(const char *prog)
{
    if (trc_finish() < 0)
        fprintf(stderr, "%s: cannot write timeline '%s': %s\n", prog,
                config.timeline_path, strerror(errno));
}

/* ---- -m dis ---------------------------------------------------------- */

static char *read_all(int fd, size_t *len)
{
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap)
            buf = realloc(buf, (cap *= 2) + 1);
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

int tools_run_dis(const char *prog, const char *file)
{
    int stdin_src = strcmp(file, "-") == 0;
    int fd = stdin_src ? 0 : open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog,
                file, e, strerror(e));
        return 2;
    }
    size_t len;
    char *src = read_all(fd, &len);
    if (!stdin_src)
        close(fd);
    CodeObj *co = comp_compile_source(src, len, stdin_src ? "<stdin>" : file,
                                      COMP_FILE);
    free(src);
    Value out = sys_get("stdout");
    if (co == NULL || dis_print_code(co, out) < 0) {
        err_print_exception(err_fetch());
        return 1;
    }
    return 0;
}
