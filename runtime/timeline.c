/* timeline.c - --timeline: the recorded run as Chrome trace-event JSON
 * (chrome://tracing and Perfetto open it) or as a self-contained SVG.
 *
 * JSON: one process, one thread lane per thread seen; the main thread's
 * run as a complete event, blocking calls as complete events, signal
 * arrivals as thread-scoped instant events, script handlers as complete
 * events on the main thread, and a flow arrow from each handler's first
 * arrival to the handler (the deferral).  Times are microseconds since
 * recording started.
 *
 * SVG: the same picture drawn directly.  Deferrals are microseconds while
 * a run lasts milliseconds or seconds, so the time axis is piecewise: the
 * gap between two consecutive events gets a width that grows with the
 * logarithm of its length.  Order is kept, tiny gaps stay visible, and
 * the tick labels give the real times.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libm.h"
#include "sigtrace.h"

/* ---- JSON ------------------------------------------------------------ */

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static double us(int64_t ns)
{
    return (double)ns / 1000.0;
}

static void where_str(char *buf, size_t n, const TrcWhere *w)
{
    if (w->file[0])
        snprintf(buf, n, "%s:%d in %s", w->file, w->line, w->func);
    else
        snprintf(buf, n, "<no frame>");
}

static void json_meta(FILE *f, const TrcRecord *r)
{
    char title[128];
    snprintf(title, sizeof title, "sigvm %s", r->program ? r->program : "");
    fprintf(f, "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,"
               "\"args\":{\"name\":");
    json_str(f, title);
    fprintf(f, "}}");
    for (int i = 0; i < r->nlanes; i++) {
        fprintf(f, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,"
                   "\"tid\":%d,\"args\":{\"name\":", i + 1);
        json_str(f, r->lane_names[i]);
        fprintf(f, "}}");
    }
    fprintf(f, ",\n{\"name\":\"running\",\"cat\":\"thread\",\"ph\":\"X\","
               "\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":%.3f,"
               "\"args\":{\"instructions\":%llu}}",
            us(r->end_ns), (unsigned long long)r->instructions);
}

static void json_spans(FILE *f, const TrcRecord *r)
{
    for (int i = 0; i < r->nspans; i++) {
        const TrcSpan *s = &r->spans[i];
        char name[96];
        snprintf(name, sizeof name, "blocked in %s", s->what);
        fprintf(f, ",\n{\"name\":");
        json_str(f, name);
        fprintf(f, ",\"cat\":\"blocking\",\"ph\":\"X\",\"pid\":1,\"tid\":%d,"
                   "\"ts\":%.3f,\"dur\":%.3f}",
                s->lane + 1, us(s->t0_ns), us(s->t1_ns - s->t0_ns));
    }
}

static void json_arrivals(FILE *f, const TrcRecord *r)
{
    static const char *const acts[] = {"outside bytecode", "executing bytecode",
                                       "blocked", "inside native"};
    for (int i = 0; i < r->narrivals; i++) {
        const TrcArrival *a = &r->arrivals[i];
        char sig[16], name[48], where[160];
        snprintf(name, sizeof name, "%s arrives",
                 trc_signal_name(a->signum, sig));
        where_str(where, sizeof where, &a->where);
        fprintf(f, ",\n{\"name\":");
        json_str(f, name);
        fprintf(f, ",\"cat\":\"signal\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,"
                   "\"tid\":%d,\"ts\":%.3f,\"args\":{\"activity\":",
                a->lane + 1, us(a->t_ns));
        json_str(f, acts[a->activity]);
        fprintf(f, ",\"call\":");
        json_str(f, a->what);
        fprintf(f, ",\"where\":");
        json_str(f, where);
        fprintf(f, ",\"instruction\":%llu}}", (unsigned long long)a->instr);
    }
}

static void json_handlers(FILE *f, const TrcRecord *r)
{
    for (int i = 0; i < r->nhandlers; i++) {
        const TrcHandlerRun *h = &r->handlers[i];
        char sig[16], name[48], where[160];
        snprintf(name, sizeof name, "%s handler",
                 trc_signal_name(h->signum, sig));
        where_str(where, sizeof where, &h->where);
        fprintf(f, ",\n{\"name\":");
        json_str(f, name);
        fprintf(f, ",\"cat\":\"handler\",\"ph\":\"X\",\"pid\":1,\"tid\":1,"
                   "\"ts\":%.3f,\"dur\":%.3f,\"args\":{\"where\":",
                us(h->t0_ns), us(h->t1_ns - h->t0_ns));
        json_str(f, where);
        fprintf(f, ",\"deferred_instructions\":%llu,\"arrivals\":%d,"
                   "\"ran_instructions\":%llu,\"raised\":%s}}",
                (unsigned long long)h->deferred, h->narrivals,
                (unsigned long long)h->ran, h->raised ? "true" : "false");
        if (h->first_arrival < 0)
            continue;
        const TrcArrival *a = &r->arrivals[h->first_arrival];
        fprintf(f, ",\n{\"name\":\"deferral\",\"cat\":\"signal\",\"ph\":\"s\","
                   "\"id\":%d,\"pid\":1,\"tid\":%d,\"ts\":%.3f}",
                i + 1, a->lane + 1, us(a->t_ns));
        fprintf(f, ",\n{\"name\":\"deferral\",\"cat\":\"signal\",\"ph\":\"f\","
                   "\"bp\":\"e\",\"id\":%d,\"pid\":1,\"tid\":1,\"ts\":%.3f}",
                i + 1, us(h->t0_ns));
    }
}

int trc_write_json(const TrcRecord *r, const char *path)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    fprintf(f, "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
    json_meta(f, r);
    json_spans(f, r);
    json_arrivals(f, r);
    json_handlers(f, r);
    fprintf(f, "\n]}\n");
    return fclose(f) == 0 ? 0 : -1;
}

/* ---- SVG: the time axis ---------------------------------------------- */

#define SVG_W 960
#define SVG_LEFT 130
#define SVG_RIGHT 30
#define SVG_TOP 64
#define LANE_H 84

typedef struct Axis {
    int64_t *t;   /* sorted distinct event times */
    double *x;    /* their positions */
    int n;
} Axis;

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void axis_add(Axis *ax, int64_t t)
{
    ax->t[ax->n++] = t;
}

static void axis_build(Axis *ax, const TrcRecord *r)
{
    int cap = 2 + r->narrivals + 2 * r->nhandlers + 2 * r->nspans;
    ax->t = malloc(sizeof *ax->t * (size_t)cap);
    ax->x = malloc(sizeof *ax->x * (size_t)cap);
    ax->n = 0;
    axis_add(ax, 0);
    axis_add(ax, r->end_ns);
    for (int i = 0; i < r->narrivals; i++)
        axis_add(ax, r->arrivals[i].t_ns);
    for (int i = 0; i < r->nhandlers; i++) {
        axis_add(ax, r->handlers[i].t0_ns);
        axis_add(ax, r->handlers[i].t1_ns);
    }
    for (int i = 0; i < r->nspans; i++) {
        axis_add(ax, r->spans[i].t0_ns);
        axis_add(ax, r->spans[i].t1_ns);
    }
    qsort(ax->t, (size_t)ax->n, sizeof *ax->t, cmp_i64);
    int k = 0;
    for (int i = 0; i < ax->n; i++)
        if (k == 0 || ax->t[i] != ax->t[k - 1])
            ax->t[k++] = ax->t[i];
    ax->n = k;
    /* Width of a gap: log(1 + gap / 2 us), so 2 us, 20 us, 200 us and
     * 2 ms get roughly 1, 2.4, 4.6 and 6.9 units. */
    double total = 0;
    ax->x[0] = 0;
    for (int i = 1; i < ax->n; i++) {
        total += libm_log1p((double)(ax->t[i] - ax->t[i - 1]) / 2000.0);
        ax->x[i] = total;
    }
    double w = SVG_W - SVG_LEFT - SVG_RIGHT;
    for (int i = 0; i < ax->n; i++)
        ax->x[i] = SVG_LEFT + (total > 0 ? ax->x[i] / total * w : 0);
}

static double axis_x(const Axis *ax, int64_t t)
{
    int lo = 0, hi = ax->n - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (ax->t[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return ax->x[lo];
}

/* ---- SVG: drawing ---------------------------------------------------- */

static void svg_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else
            fputc(*s, f);
    }
}

static double lane_y(int lane)
{
    return SVG_TOP + lane * LANE_H;
}

static void svg_head(FILE *f, const TrcRecord *r, int height)
{
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
               "height=\"%d\" viewBox=\"0 0 %d %d\" "
               "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
               "font-size=\"12\">\n",
            SVG_W, height, SVG_W, height);
    fprintf(f, "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
               "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
               "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
               "fill=\"#d9480f\"/></marker></defs>\n");
    fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(f, "<text x=\"12\" y=\"22\" font-size=\"15\" "
               "font-weight=\"bold\">sigvm ");
    svg_text(f, r->program ? r->program : "");
    fprintf(f, "</text>\n<text x=\"12\" y=\"40\" fill=\"#555\">red: a "
               "signal arrives (its C handler runs); green: the script "
               "handler on the main thread; orange: the deferral; grey: "
               "blocked in a call</text>\n");
}

static void svg_lanes(FILE *f, const TrcRecord *r, const Axis *ax)
{
    for (int i = 0; i < r->nlanes; i++) {
        double y = lane_y(i);
        fprintf(f, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%d\" "
                   "fill=\"%s\"/>\n",
                SVG_LEFT, y, SVG_W - SVG_LEFT - SVG_RIGHT, LANE_H - 8,
                i % 2 ? "#f1f3f5" : "#f8f9fa");
        fprintf(f, "<text x=\"12\" y=\"%.1f\" font-weight=\"bold\">", y + 44);
        svg_text(f, r->lane_names[i]);
        fprintf(f, "</text>\n");
    }
    /* The main thread runs bytecode from start to end. */
    fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"6\" "
               "fill=\"#74c0fc\"/>\n",
            axis_x(ax, 0), lane_y(0) + 52, axis_x(ax, r->end_ns) -
            axis_x(ax, 0));
    for (int i = 0; i < r->nspans; i++) {
        const TrcSpan *s = &r->spans[i];
        double x0 = axis_x(ax, s->t0_ns), x1 = axis_x(ax, s->t1_ns);
        double y = lane_y(s->lane);
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" "
                   "fill=\"#adb5bd\"/>\n<text x=\"%.1f\" y=\"%.1f\" "
                   "font-size=\"10\" fill=\"#495057\">",
                x0, y + 48, x1 - x0 < 1 ? 1 : x1 - x0, x0 + 2, y + 72);
        svg_text(f, s->what);
        fprintf(f, "</text>\n");
    }
}

static void svg_handlers(FILE *f, const TrcRecord *r, const Axis *ax)
{
    for (int i = 0; i < r->nhandlers; i++) {
        const TrcHandlerRun *h = &r->handlers[i];
        double x0 = axis_x(ax, h->t0_ns), x1 = axis_x(ax, h->t1_ns);
        double y = lane_y(0) + 30 + 4 * h->depth;
        char sig[16];
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" "
                   "fill=\"%s\" stroke=\"#2b8a3e\"/>\n",
                x0, y, x1 - x0 < 3 ? 3 : x1 - x0,
                h->raised ? "#ffa8a8" : "#8ce99a");
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">", x0 + 2,
                y + 13);
        fprintf(f, "%s handler</text>\n", trc_signal_name(h->signum, sig));
        if (h->first_arrival < 0)
            continue;
        const TrcArrival *a = &r->arrivals[h->first_arrival];
        double ax0 = axis_x(ax, a->t_ns), ay = lane_y(a->lane) + 16;
        double top = (ay < y ? ay : y) - 12;
        fprintf(f, "<path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" "
                   "stroke=\"#d9480f\" stroke-width=\"2\" "
                   "marker-end=\"url(#arrow)\"/>\n",
                ax0, ay, (ax0 + x0) / 2, top, x0, y);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
                   "fill=\"#d9480f\">deferred %llu instr, %.0f us</text>\n",
                (ax0 + x0) / 2 - 30, top + 2 - 11 * (i % 2),
                (unsigned long long)h->deferred,
                us(h->t0_ns - a->t_ns));
    }
}

static void svg_arrivals(FILE *f, const TrcRecord *r, const Axis *ax)
{
    for (int i = 0; i < r->narrivals; i++) {
        const TrcArrival *a = &r->arrivals[i];
        double x = axis_x(ax, a->t_ns), y = lane_y(a->lane);
        char sig[16];
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                   "stroke=\"#e03131\" stroke-width=\"2\"/>\n"
                   "<path d=\"M%.1f,%.1f l-5,-8 h10 z\" fill=\"#e03131\"/>\n",
                x, y + 12, x, y + 62, x, y + 16);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" "
                   "fill=\"#c92a2a\">%s</text>\n",
                x + 3, y + 8, trc_signal_name(a->signum, sig));
    }
}

static void svg_ticks(FILE *f, const Axis *ax, double y)
{
    fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
               "stroke=\"#868e96\"/>\n",
            SVG_LEFT, y, SVG_W - SVG_RIGHT, y);
    double last = -1e9, end = ax->x[ax->n - 1];
    for (int i = 0; i < ax->n; i++) {
        /* Ticks 70 px apart at least; the last one always shows. */
        if (i != ax->n - 1 && (ax->x[i] - last < 70 || end - ax->x[i] < 70))
            continue;
        last = ax->x[i];
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                   "stroke=\"#868e96\"/>\n<text x=\"%.1f\" y=\"%.1f\" "
                   "font-size=\"10\" text-anchor=\"middle\" fill=\"#495057\">"
                   "%.3f ms</text>\n",
                ax->x[i], y, ax->x[i], y + 5, ax->x[i], y + 17,
                (double)ax->t[i] / 1e6);
    }
}

int trc_write_svg(const TrcRecord *r, const char *path)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    Axis ax;
    axis_build(&ax, r);
    int height = (int)lane_y(r->nlanes) + 34;
    svg_head(f, r, height);
    svg_lanes(f, r, &ax);
    svg_handlers(f, r, &ax);
    svg_arrivals(f, r, &ax);
    svg_ticks(f, &ax, lane_y(r->nlanes) + 2);
    fprintf(f, "</svg>\n");
    free(ax.t);
    free(ax.x);
    return fclose(f) == 0 ? 0 : -1;
}
