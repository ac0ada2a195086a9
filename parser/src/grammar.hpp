// Entry points of the Spirit X3 grammar (instantiated once, in grammar.cpp). Each parses one
// piece of a line at [p, end): on success it fills its output, advances p and returns true; on
// failure p is unchanged. No Boost in this header.
#pragma once

#include <vector>

#include "ast.hpp"

namespace gcscope::parser::grammar {

bool v8Prefix(const char*& p, const char* end, ast::V8Prefix& out);
/// The nvp prefix of V8 4.4-4.7 repeats the isolate: "[I:0x1915ffd0] ".
bool isolateEcho(const char*& p, const char* end);
/// "   1234 ms: " (leading spaces included).
bool timestamp(const char*& p, const char* end, double& ms);
bool traceCore(const char*& p, const char* end, ast::TraceCore& out);
bool incremental(const char*& p, const char* end, ast::Incremental& out);
bool mutatorUtilization(const char*& p, const char* end, ast::MutatorUtilization& out);
bool heapSpaceLine(const char*& p, const char* end, ast::HeapSpaceLine& out);
/// "pause=1.2 mutator=3 gc=s …": appends every key=value (glued pairs split). Stops at the first
/// token that is not key=value; returns false if none was read.
bool nvpPairs(const char*& p, const char* end, std::vector<NvpField>& out);
/// "GC: {"pause":1.2,…}" — appends every member; false unless the object closes.
bool nvpJson(const char*& p, const char* end, std::vector<NvpField>& out);

}  // namespace gcscope::parser::grammar
