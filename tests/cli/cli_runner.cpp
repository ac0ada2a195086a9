#include "cli_runner.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "text_format.hpp"

extern char** environ;

namespace gcscope::cli::test {

std::string TempDir::writeGzip(const std::string& name, std::string_view text) const {
    std::string p = file(name);
    gzFile gz = gzopen(p.c_str(), "wb");
    if (!gz) throw std::runtime_error("gzopen failed");
    if (!text.empty() && gzwrite(gz, text.data(), unsigned(text.size())) != int(text.size())) {
        throw std::runtime_error("gzwrite failed");
    }
    gzclose(gz);
    return p;
}

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

RunResult runCli(const std::vector<std::string>& args, const std::string& stdin_path) {
    TempDir io;
    const std::string out_path = io.file("stdout"), err_path = io.file("stderr");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);

    std::vector<std::string> argv_storage;
    argv_storage.push_back(GCSCOPE_CLI_PATH);
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    pid_t pid = -1;
    int rc = posix_spawn(&pid, GCSCOPE_CLI_PATH, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " GCSCOPE_CLI_PATH);

    int wstatus = 0;
    while (waitpid(pid, &wstatus, 0) < 0) {
    }
    RunResult r;
    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
    r.out = readFile(out_path);
    r.err = readFile(err_path);
    return r;
}

std::vector<std::string> splitLines(std::string_view text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        lines.emplace_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

std::vector<std::string> splitCsv(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

namespace {

/// Recursive-descent checker for RFC 8259; enough to prove the output parses.
class JsonChecker {
public:
    explicit JsonChecker(std::string_view s) : s_(s) {}

    bool document(std::string* why) {
        bool ok = value() && (ws(), i_ == s_.size());
        if (!ok && why) *why = "invalid JSON near byte " + std::to_string(i_) + ": " + error_;
        return ok;
    }

private:
    bool fail(const char* what) {
        if (error_.empty()) error_ = what;
        return false;
    }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
            ++i_;
    }
    bool literal(std::string_view w) {
        if (s_.substr(i_, w.size()) != w) return fail("bad literal");
        i_ += w.size();
        return true;
    }
    bool value() {
        if (++depth_ > 200) return fail("too deep");
        ws();
        if (i_ >= s_.size()) return fail("unexpected end");
        bool ok;
        switch (s_[i_]) {
            case '{': ok = object(); break;
            case '[': ok = array(); break;
            case '"': ok = string(); break;
            case 't': ok = literal("true"); break;
            case 'f': ok = literal("false"); break;
            case 'n': ok = literal("null"); break;
            default: ok = number();
        }
        --depth_;
        return ok;
    }
    bool object() {
        ++i_;
        ws();
        if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
        for (;;) {
            ws();
            if (i_ >= s_.size() || s_[i_] != '"') return fail("expected key");
            if (!string()) return false;
            ws();
            if (i_ >= s_.size() || s_[i_] != ':') return fail("expected ':'");
            ++i_;
            if (!value()) return false;
            ws();
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < s_.size() && s_[i_] == '}') return ++i_, true;
            return fail("expected ',' or '}'");
        }
    }
    bool array() {
        ++i_;
        ws();
        if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
        for (;;) {
            if (!value()) return false;
            ws();
            if (i_ < s_.size() && s_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < s_.size() && s_[i_] == ']') return ++i_, true;
            return fail("expected ',' or ']'");
        }
    }
    bool string() {
        ++i_;
        const auto* p = reinterpret_cast<const unsigned char*>(s_.data());
        while (i_ < s_.size()) {
            unsigned char c = p[i_];
            if (c == '"') return ++i_, true;
            if (c < 0x20) return fail("raw control character in string");
            if (c == '\\') {
                if (++i_ >= s_.size()) return fail("unterminated escape");
                char e = s_[i_];
                if (e == 'u') {
                    if (i_ + 4 >= s_.size()) return fail("short \\u escape");
                    for (int k = 1; k <= 4; ++k)
                        if (!std::isxdigit(static_cast<unsigned char>(s_[i_ + k])))
                            return fail("bad \\u escape");
                    i_ += 5;
                } else if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) {
                    ++i_;
                } else {
                    return fail("bad escape");
                }
                continue;
            }
            size_t len = utf8SequenceLength(p + i_, s_.size() - i_);
            if (len == 0) return fail("invalid UTF-8 in string");
            i_ += len;
        }
        return fail("unterminated string");
    }
    bool number() {
        size_t start = i_;
        if (i_ < s_.size() && s_[i_] == '-') ++i_;
        if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_])))
            return fail("bad number");
        if (s_[i_] == '0') {
            ++i_;
        } else {
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        }
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_])))
                return fail("bad fraction");
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        }
        if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
            ++i_;
            if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
            if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_])))
                return fail("bad exponent");
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        }
        return i_ > start;
    }

    std::string_view s_;
    size_t i_ = 0;
    int depth_ = 0;
    std::string error_;
};

}  // namespace

bool isValidJson(std::string_view text, std::string* why) {
    return JsonChecker(text).document(why);
}

}  // namespace gcscope::cli::test
