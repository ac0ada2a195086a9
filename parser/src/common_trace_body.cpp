#include "common_line_parts.hpp"
#include "gc_type_names.hpp"
#include "line_cursor.hpp"
#include "reason_tail.hpp"

namespace gcscope::parser {

namespace {

/// "Scavenge 47.5 (67.9) -> 38.4 (69.9) MB, pooled: 9 MB, 1.71 / 0.00 ms"
bool readCore(LineCursor& c, GcRecord& rec) {
    const GcTypeName* name = matchGcTypeName(c.p, c.end);
    if (!name) return false;
    c.p += name->text.size();
    rec.type = name->type;
    if (c.literal(" (reduce)")) rec.flags |= kReduce;
    if (c.literal(" (interleaved)")) {
        rec.flags |= kInterleaved;
    } else if (c.literal(" (during sweeping)")) {
        rec.flags |= kDuringSweeping;
    }
    if (!c.literal(" ") || !c.fixedPoint(rec.used_before_mb) || !c.literal(" (") ||
        !c.fixedPoint(rec.committed_before_mb) || !c.literal(") -> ") ||
        !c.fixedPoint(rec.used_after_mb) || !c.literal(" (") ||
        !c.fixedPoint(rec.committed_after_mb) || !c.literal(") MB, "))
        return false;
    if (c.literal("pooled: ") && (!c.fixedPoint(rec.pooled_mb) || !c.literal(" MB, ")))
        return false;
    if (!c.fixedPoint(rec.pause_ms)) return false;
    if (c.literal(" / ") && !c.fixedPoint(rec.external_ms)) return false;
    return c.literal(" ms");
}

/// "  (+ 3.4 ms in 19 steps since start of marking, biggest step 1.1 ms, walltime since start of
/// marking 1133 ms)" or "(+ 1.2 ms in 3 steps since last GC)", if present; the grammar's
/// `incremental` rule, step by step.
bool readOptionalIncremental(LineCursor& c, GcRecord& rec) {
    LineCursor look = c;
    look.skipSpaces();
    if (!look.literal("(+ ")) return true;
    if (!look.fixedPoint(rec.incremental_ms) || !look.literal(" ms in ") ||
        !look.fixedPoint(rec.incremental_steps) || !look.literal(" steps since "))
        return false;
    if (!look.literal("last GC")) {
        if (!look.literal("start of marking")) return false;
        if (look.literal(", biggest step ") &&
            (!look.fixedPoint(rec.incremental_biggest_step_ms) || !look.literal(" ms")))
            return false;
        if (look.literal(", walltime since start of marking ") &&
            (!look.fixedPoint(rec.incremental_walltime_ms) || !look.literal(" ms")))
            return false;
    }
    if (!look.literal(")")) return false;
    c = look;
    return true;
}

/// "  (average mu = 0.997, current mu = 0.997)", if present. Any other clause (one cut short)
/// fails: the X3 path knows those.
bool readOptionalMu(LineCursor& c, GcRecord& rec) {
    LineCursor look = c;
    look.skipSpaces();
    if (!look.startsWith('(')) return true;
    if (!look.literal("(average mu = ") || !look.fixedPoint(rec.mu_average) ||
        !look.literal(", current mu = ") || !look.fixedPoint(rec.mu_current) || !look.literal(")"))
        return false;
    c = look;
    return true;
}

}  // namespace

bool readCommonTraceBody(LineCursor& c, GcRecord& rec) {
    rec.form = RecordForm::Trace;
    if (!readCore(c, rec) || !readOptionalIncremental(c, rec) || !readOptionalMu(c, rec))
        return false;
    // A '[' in the reason may start a second, glued record (or be a V8 <= 5.4 "[reason]").
    const std::string_view tail(c.p, size_t(c.end - c.p));
    if (tail.find('[') != std::string_view::npos) return false;
    bool cut = false;
    parseReasonTail(tail, rec, cut);
    if (cut) rec.flags |= kTruncated;
    c.p = c.end;
    return true;
}

}  // namespace gcscope::parser
