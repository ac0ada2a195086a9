#include "line_classifier.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "common_line.hpp"
#include "grammar.hpp"
#include "nvp_record.hpp"
#include "reason_tail.hpp"

namespace gcscope::parser {

namespace {

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && std::memcmp(s.data(), prefix.data(), prefix.size()) == 0;
}
bool contains(std::string_view s, std::string_view needle) {
    return s.find(needle) != std::string_view::npos;
}
std::string_view view(const char* b, const char* e) {
    return {b, size_t(e - b)};
}

/// Body starts of V8 lines that share the "[pid:isolate] 1234 ms: " prefix with GC records but are
/// not records (memory reducer, heap controller, incremental marking, …; §5 of the formats file).
constexpr std::array kKnownTimestampedBodies = {
    std::string_view("["),  // [IncrementalMarking], [HeapController], [GlobalMemoryController],
                            // [Finished reentrant …
    std::string_view("Memory reducer"),
    std::string_view("Heap growing factor"),
    std::string_view("Grow:"),
    std::string_view("Dampen:"),
    std::string_view("evacuation"),
    std::string_view("Fast promotion"),
    std::string_view("Increasing marking speed"),
    std::string_view("Limited new space"),
    std::string_view("Unlimited new space"),
    std::string_view("Postpone"),
    std::string_view("Speed up"),
    std::string_view("Marking speed"),
    std::string_view("Young generation"),
    std::string_view("Old generation"),
    std::string_view("Embedder"),
    std::string_view("Memory pool"),
    std::string_view("MemoryBalancer"),
    std::string_view("Idle notification"),
    std::string_view("pretenuring"),
    std::string_view("Major task"),
    std::string_view("compaction-selection"),
    std::string_view("Evacuation candidate"),
    std::string_view("FreeLists"),
    std::string_view("Shrinking page"),
    std::string_view("code flushing"),
    std::string_view("Heap "),
    std::string_view("Scavenge: "),
    std::string_view("Mark-Compact: "),
};

/// Bodies of PrintIsolate lines (prefix, no timestamp) that are not heap-space samples.
constexpr std::array kKnownUntimestampedBodies = {
    std::string_view("Fast promotion mode"),
    std::string_view("External memory"),
    std::string_view("Total time spent in GC"),
    std::string_view("Backing store memory"),
    std::string_view("Unmapper buffering"),
    std::string_view("Pool buffering"),
    std::string_view("(*) Sweeping"),
    std::string_view("Increasing marking speed"),
    std::string_view("Limited new space"),
    std::string_view("Unlimited new space"),
    std::string_view("Heap growing factor"),
    std::string_view("Grow:"),
    std::string_view("Dampen:"),
    std::string_view("FreeLists"),
    std::string_view("Memory reducer"),
    std::string_view("evacuation"),
    std::string_view("Speed up"),
    std::string_view("Marking speed"),
    std::string_view("Max semi-space"),
    std::string_view("Min semi-space"),
    std::string_view("Target semi-space"),
    std::string_view("Postpone"),
    std::string_view("[Finished reentrant"),
    std::string_view("[IncrementalMarking]"),
    std::string_view("Evacuation candidate"),
    std::string_view("Freelists statistics"),
    std::string_view("compaction-selection"),
    std::string_view("Page "),
    std::string_view("scavenge["),
    std::string_view("Memory pool"),
    std::string_view("Shrinking page"),
};

/// Lines without a V8 prefix that still belong to GC tracing or to the OOM report.
constexpr std::array kKnownUnprefixedStarts = {
    std::string_view("==== JS stack trace"),
    std::string_view("==== C stack trace"),
    std::string_view("----- Native stack trace -----"),
    std::string_view("----- JavaScript stack trace -----"),
    std::string_view("Security context:"),
    std::string_view("Wrote snapshot to"),
    std::string_view(", removed zone reservations:"),
    std::string_view("Before GC:"),
    std::string_view("After GC:"),
    std::string_view("{owner:"),
    std::string_view("<--- Heap statistics --->"),
};

template <size_t N>
bool startsWithAny(std::string_view s, const std::array<std::string_view, N>& starts) {
    for (auto start : starts)
        if (startsWith(s, start)) return true;
    return false;
}

/// Copies `line` without ANSI CSI sequences ("\x1b[32m") into scratch storage.
std::string_view stripAnsi(std::string_view line, std::deque<std::string>& scratch) {
    std::string& out = scratch.emplace_back();
    out.reserve(line.size());
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\x1b' && i + 1 < line.size() && line[i + 1] == '[') {
            size_t j = i + 2;
            while (j < line.size() && ((line[j] >= '0' && line[j] <= '9') || line[j] == ';')) ++j;
            if (j < line.size()) {  // the final byte ("m", "K", …)
                i = j;
                continue;
            }
        }
        out.push_back(line[i]);
    }
    return out;
}

struct Prefix {
    const char* begin;  // '['
    const char* end;    // after ']'
    ast::V8Prefix fields;
};

/// Finds the next V8 prefix in [from, end). A prefix must be followed by a space (or end the line):
/// V8 always prints "] " after it. `common_first`: try the hand-tuned reader of the usual form
/// before the grammar.
bool findPrefix(const char* from, const char* end, Prefix& out, bool common_first) {
    const char* p = from;
    while (p < end) {
        p = static_cast<const char*>(std::memchr(p, '[', size_t(end - p)));
        if (!p) return false;
        const char* it = p;
        ast::V8Prefix fields;
        if ((common_first && readCommonPrefix(it, end, fields)) ||
            (grammar::v8Prefix(it, end, fields) && fields.pid <= ast::kMaxPid &&
             (it == end || *it == ' '))) {
            out = {p, it, fields};
            return true;
        }
        ++p;
    }
    return false;
}

OomMarker oomMarker(OomMarker::Kind kind, std::string_view message) {
    OomMarker m;
    m.kind = kind;
    m.message = trimSpaces(message);
    return m;
}

/// A --trace-gc record body, starting at its type name. Returns false if it is not one.
bool parseTraceRecord(const char* p, const char* end, const ast::V8Prefix* prefix, GcRecord& rec,
                      bool& cut) {
    ast::TraceCore core;
    if (!grammar::traceCore(p, end, core)) return false;
    rec.type = core.type;
    rec.flags = core.flags;
    rec.form = RecordForm::Trace;
    rec.used_before_mb = core.sizes.used_before;
    rec.committed_before_mb = core.sizes.committed_before;
    rec.used_after_mb = core.sizes.used_after;
    rec.committed_after_mb = core.sizes.committed_after;
    rec.pooled_mb = core.pooled;
    // V8 <= 4.3 (prefix "[pid]" with no isolate) printed "external / pause", and only when the
    // external time was non-zero; every later version prints "pause / external".
    const bool external_first = prefix && !prefix->has_isolate && !isAbsent(core.second_time);
    rec.pause_ms = external_first ? core.second_time : core.first_time;
    rec.external_ms = external_first ? core.first_time : core.second_time;
    if (prefix && !prefix->has_isolate && isAbsent(core.second_time)) rec.external_ms = 0;

    ast::Incremental inc;
    if (grammar::incremental(p, end, inc)) {
        rec.incremental_ms = inc.ms;
        rec.incremental_steps = inc.steps;
        rec.incremental_biggest_step_ms = inc.biggest_step;
        rec.incremental_walltime_ms = inc.walltime;
    }
    ast::MutatorUtilization mu;
    if (grammar::mutatorUtilization(p, end, mu)) {
        rec.mu_average = mu.average;
        rec.mu_current = mu.current;
    }
    parseReasonTail(view(p, end), rec, cut);
    return true;
}

}  // namespace

void LineClassifier::classifyLines(std::string_view text, ClassifiedChunk& out) const {
    const char* p = text.data();
    const char* end = p + text.size();
    uint32_t index = 0;
    while (p < end) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
        const char* line_end = nl ? nl : end;
        classifyLine(view(p, line_end), index++, out);
        p = nl ? nl + 1 : end;
    }
}

void LineClassifier::classifyLine(std::string_view line, uint32_t index,
                                  ClassifiedChunk& out) const {
    ++out.lines;
    if (line.size() > max_line_bytes_) {
        ++out.overlong_lines;
        ++out.unrecognised_lines;
        out.items.push_back({.line = index, .payload = UnrecognisedText{line.substr(0, 512)}});
        return;
    }
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (std::memchr(line.data(), '\x1b', line.size())) line = stripAnsi(line, out.scratch);
    const bool common_first = paths_ == Paths::CommonLineFirst;
    if (common_first && classifyCommonLine(line, index, out)) return;

    const char* const begin = line.data();
    const char* const end = begin + line.size();
    bool any_record = false;
    bool any_known = false;
    const size_t items_before = out.items.size();

    // Each V8 prefix starts a body that runs to the next prefix: the OOM report's ring buffer
    // glues entries it cut at 255 chars ("…allocation fail[19:0x3c1997d0]     6134 ms: …").
    Prefix prefix;
    bool have = findPrefix(begin, end, prefix, common_first);
    while (have) {
        Prefix next;
        const bool have_next = findPrefix(prefix.end, end, next, common_first);
        const char* body_end = have_next ? next.begin : end;
        const char* p = prefix.end;
        while (p < body_end && *p == ' ') ++p;
        const IsolateKey key = isolateKeyOf(prefix.fields);

        double time_ms = kAbsent;
        bool echo = grammar::isolateEcho(p, body_end);  // V8 4.4-4.7 nvp: "[I:0xiso] "
        if (grammar::timestamp(p, body_end, time_ms)) {
            GcRecord rec;
            rec.key = key;
            rec.line = index;
            rec.time_ms = time_ms;
            bool cut = false;
            const std::string_view rest = view(p, body_end);
            const size_t nvp_begin = out.nvp.size();
            bool is_record = false;
            if (!echo && parseTraceRecord(p, body_end, &prefix.fields, rec, cut)) {
                is_record = true;
            } else if (startsWith(rest, "GC: {")) {
                const char* q = p;
                is_record =
                    grammar::nvpJson(q, body_end, out.nvp) &&
                    nvpToRecord(std::span(out.nvp).subspan(nvp_begin), RecordForm::NvpJson, rec);
            } else {
                const char* q = p;
                if (grammar::nvpPairs(q, body_end, out.nvp)) {
                    is_record =
                        nvpToRecord(std::span(out.nvp).subspan(nvp_begin), RecordForm::Nvp, rec);
                    while (q < body_end && *q == ' ') ++q;
                    if (q != body_end) cut = true;  // "reduce_memory=" at a line's cut end
                }
            }
            if (is_record) {
                if (cut) rec.flags |= kTruncated;
                const bool ring_cut = size_t(body_end - prefix.begin) == kRingBufferEntryChars;
                out.items.push_back({.line = index,
                                     .prefixed = true,
                                     .ring_buffer_cut = ring_cut,
                                     .nvp_begin = uint32_t(nvp_begin),
                                     .nvp_count = uint32_t(out.nvp.size() - nvp_begin),
                                     .payload = rec});
                any_record = true;
            } else {
                out.nvp.resize(nvp_begin);
                if (startsWithAny(rest, kKnownTimestampedBodies)) any_known = true;
            }
        } else {
            ast::HeapSpaceLine space;
            const char* q = p;
            if (grammar::heapSpaceLine(q, body_end, space) && q == body_end) {
                HeapSpaceSample s;
                s.key = key;
                s.line = index;
                s.space = view(space.name_begin, space.name_end);
                s.used_kb = space.used;
                s.available_kb = space.available;
                s.committed_kb = space.committed;
                out.items.push_back({.line = index, .prefixed = true, .payload = s});
                any_record = true;
            } else if (startsWithAny(view(p, body_end), kKnownUntimestampedBodies)) {
                any_known = true;
            }
        }
        prefix = next;
        have = have_next;
    }

    if (!any_record) {
        const std::string_view text = trimSpaces(line);
        // The OOM report. Searched anywhere: wrappers indent it or prefix it ("PM2 | <--- …").
        if (contains(line, "<--- Last few GCs --->")) {
            out.items.push_back(
                {.line = index, .payload = oomMarker(OomMarker::Kind::LastFewGcs, {})});
            any_known = true;
        } else if (contains(line, "<--- JS stacktrace --->")) {
            out.items.push_back({.line = index, .payload = OomSectionEnd{}});
            any_known = true;
        } else if (const size_t at = line.find("FATAL ERROR: "); at != std::string_view::npos) {
            out.items.push_back(
                {.line = index,
                 .payload = oomMarker(OomMarker::Kind::FatalError, line.substr(at + 13))});
            any_known = true;
        } else if (const size_t js = line.find("# Fatal JavaScript out of memory: ");
                   js != std::string_view::npos) {
            out.items.push_back(
                {.line = index,
                 .payload = oomMarker(OomMarker::Kind::FatalJavaScriptOom, line.substr(js + 34))});
            any_known = true;
        } else if (const size_t js2 = line.find("# Fatal javascript OOM in ");
                   js2 != std::string_view::npos) {
            out.items.push_back(
                {.line = index,
                 .payload = oomMarker(OomMarker::Kind::FatalJavaScriptOom, line.substr(js2 + 26))});
            any_known = true;
        } else if (!any_known) {
            // A record without a prefix: V8 4.5-5.4 kept none in the OOM ring buffer
            // ("  388968 ms: Mark-sweep 1273.2 (1434.6) -> …").
            for (size_t at = line.find(" ms: "); at != std::string_view::npos && !any_record;
                 at = line.find(" ms: ", at + 1)) {
                const char* ts = begin + at;
                while (ts > begin && unsigned(ts[-1] - '0') < 10) --ts;
                if (ts == begin + at) continue;
                const char* p = ts;
                double time_ms = 0;
                if (!grammar::timestamp(p, end, time_ms)) continue;
                GcRecord rec;
                rec.line = index;
                rec.time_ms = time_ms;
                bool cut = false;
                if (parseTraceRecord(p, end, nullptr, rec, cut)) {
                    if (cut) rec.flags |= kTruncated;
                    out.items.push_back({.line = index, .payload = rec});
                    any_record = true;
                }
            }
            if (!any_record) {
                any_known = text.empty() || text == "#" ||
                            startsWithAny(text, kKnownUnprefixedStarts) ||
                            (text.size() > 3 && unsigned(text[0] - '0') < 10 && [&] {
                                // numbered stack frames: " 1: 0x… node::Abort()", "    2: DoJoin …"
                                size_t i = 0;
                                while (i < text.size() && unsigned(text[i] - '0') < 10) ++i;
                                return i < text.size() && text[i] == ':';
                            }());
            }
        }
    }

    if (any_record) {
        ++out.record_lines;
    } else if (any_known) {
        ++out.known_lines;
    } else {
        out.items.resize(items_before);
        ++out.unrecognised_lines;
        out.items.push_back({.line = index, .payload = UnrecognisedText{line}});
    }
}

}  // namespace gcscope::parser
