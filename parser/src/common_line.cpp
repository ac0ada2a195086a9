#include "common_line.hpp"

#include <cstring>

#include "char_classes.hpp"
#include "common_line_parts.hpp"
#include "line_cursor.hpp"
#include "nvp_record.hpp"

namespace gcscope::parser {

namespace {

/// A heap-space sample: what follows the prefix is not a timestamp.
bool classifyCommonHeapSpace(LineCursor& c, const ast::V8Prefix& prefix, uint32_t index,
                             ClassifiedChunk& out) {
    HeapSpaceSample s;
    if (!readCommonHeapSpace(c, s)) return false;
    s.key = isolateKeyOf(prefix);
    s.line = index;
    ++out.record_lines;
    out.items.push_back({.line = index, .prefixed = true, .payload = s});
    return true;
}

}  // namespace

bool readCommonPrefix(const char*& p, const char* end, ast::V8Prefix& out) {
    LineCursor c{p, end};
    uint64_t pid = 0, isolate = 0, id = 0;
    if (!c.literal("[") || !c.unsignedNumber<10, 10>(pid) || pid > ast::kMaxPid ||
        !c.literal(":0x") || !c.unsignedNumber<16, 16>(isolate))
        return false;
    const bool has_id = c.literal(":");
    if (has_id && (!c.unsignedNumber<10, 10>(id) || id > ast::kMaxIsolateId)) return false;
    if (!c.literal("]") || !c.startsWith(' ')) return false;
    out = ast::V8Prefix{.pid = pid,
                        .has_isolate = true,
                        .isolate = isolate,
                        .isolate_id = has_id ? int64_t(id) : -1};
    p = c.p;
    return true;
}

IsolateKey isolateKeyOf(const ast::V8Prefix& f) {
    IsolateKey k;
    k.pid = int64_t(f.pid);
    k.isolate = f.isolate;
    k.isolate_id = int32_t(f.isolate_id);
    k.msvc_pointer = f.msvc_pointer;
    return k;
}

bool classifyCommonLine(std::string_view line, uint32_t index, ClassifiedChunk& out) {
    LineCursor c{line.data(), line.data() + line.size()};
    // Prefix and timestamp first: most lines that are not records (heap-space samples, V8's
    // other messages) fail there, before a GcRecord is set up.
    ast::V8Prefix prefix;
    double time_ms = 0;
    if (!readCommonPrefix(c.p, c.end, prefix)) return false;
    c.skipSpaces();
    if (c.p != c.end && kLetter(*c.p)) return classifyCommonHeapSpace(c, prefix, index, out);
    if (!c.fixedPoint(time_ms) || !c.literal(" ms: ")) return false;
    GcRecord rec;
    rec.key = isolateKeyOf(prefix);
    rec.time_ms = time_ms;
    rec.line = index;
    // nvp keys are lower case, GC type names capitalised, and no type name starts with "GC".
    const size_t nvp_begin = out.nvp.size();
    bool taken;
    if (c.p != c.end && kNvpKeyStart(*c.p)) {
        taken = readCommonNvpPairs(c, out.nvp) &&
                nvpToRecord(std::span(out.nvp).subspan(nvp_begin), RecordForm::Nvp, rec);
    } else if (c.end - c.p >= 2 && c.p[0] == 'G' && c.p[1] == 'C') {
        // A '[' in a string value might start a glued record: the grammar looks for one.
        taken = std::memchr(c.p, '[', size_t(c.end - c.p)) == nullptr &&
                readCommonNvpJson(c, out.nvp) &&
                nvpToRecord(std::span(out.nvp).subspan(nvp_begin), RecordForm::NvpJson, rec);
    } else {
        taken = readCommonTraceBody(c, rec);
    }
    if (!taken) {
        out.nvp.resize(nvp_begin);
        return false;
    }
    ++out.record_lines;
    out.items.push_back({.line = index,
                         .prefixed = true,
                         .ring_buffer_cut = line.size() == kRingBufferEntryChars,
                         .nvp_begin = uint32_t(nvp_begin),
                         .nvp_count = uint32_t(out.nvp.size() - nvp_begin),
                         .payload = rec});
    return true;
}

}  // namespace gcscope::parser
