// A minimal streaming JSON writer: commas and nesting are tracked here so the report code reads
// as a list of keys, and a new key is one more line (the summary JSON will grow).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text_format.hpp"

namespace gcscope::cli {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& beginObject() { return open('{'); }
    JsonWriter& endObject() { return close('}'); }
    JsonWriter& beginArray() { return open('['); }
    JsonWriter& endArray() { return close(']'); }

    /// Starts a member of the current object; the next value call completes it.
    JsonWriter& key(std::string_view k) {
        separate();
        appendJsonString(out_, k);
        out_ += ':';
        after_key_ = true;
        return *this;
    }

    // Distinct names rather than overloads: a `const char*` must never silently become a bool.
    JsonWriter& string(std::string_view s) {
        separate();
        appendJsonString(out_, s);
        return *this;
    }
    /// The string, or null when it is empty (the parser's "absent" for text).
    JsonWriter& stringOrNull(std::string_view s) { return s.empty() ? null() : string(s); }
    JsonWriter& number(double v) {  ///< null for NaN (absent) and infinities
        separate();
        appendJsonNumber(out_, v);
        return *this;
    }
    JsonWriter& integer(int64_t v) {
        separate();
        appendInt(out_, v);
        return *this;
    }
    JsonWriter& unsignedInteger(uint64_t v) {
        separate();
        appendUint(out_, v);
        return *this;
    }
    JsonWriter& boolean(bool v) {
        separate();
        out_ += v ? "true" : "false";
        return *this;
    }
    JsonWriter& null() {
        separate();
        out_ += "null";
        return *this;
    }

private:
    JsonWriter& open(char c) {
        separate();
        out_ += c;
        first_.push_back(true);
        return *this;
    }
    JsonWriter& close(char c) {
        out_ += c;
        first_.pop_back();
        return *this;
    }
    /// Emits the comma between siblings; a value right after its key needs none.
    void separate() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!first_.empty()) {
            if (!first_.back()) out_ += ',';
            first_.back() = false;
        }
    }

    std::string& out_;
    std::vector<bool> first_;  ///< per open container: nothing written in it yet
    bool after_key_ = false;
};

}  // namespace gcscope::cli
