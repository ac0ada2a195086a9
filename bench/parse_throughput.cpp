// Parser throughput beside a memchr line count of the same buffer, in the same run.
//
//   gcscope-bench-parse [--mb N] [--write FILE] [--threads N] [LOG]
//
// Without LOG it builds a log of at least N MB (default 400) by repeating every file of
// sample-logs/ (each copy with its own pids, so the OOM-report de-duplication does not drop the
// copies), optionally writes it to FILE for the CLI benchmark (bench/cli_vs_wc.sh).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "gcscope/parser/stream_parser.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using gcscope::parser::GcRecord;

struct CountingSink : gcscope::parser::RecordSink {
    uint64_t records = 0;
    double pause_total = 0;
    void onGc(const GcRecord& r) override {
        ++records;
        if (r.pause_ms == r.pause_ms) pause_total += r.pause_ms;
    }
};

std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Replaces "[pid:" / "[pid]" numbers with pid + offset, so every copy is another process.
std::string withPidOffset(const std::string& text, unsigned offset) {
    std::string out;
    out.reserve(text.size() + text.size() / 50);
    for (size_t i = 0; i < text.size(); ++i) {
        out.push_back(text[i]);
        if (text[i] != '[') continue;
        size_t j = i + 1;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
        if (j == i + 1 || j >= text.size() || (text[j] != ':' && text[j] != ']')) continue;
        out += std::to_string(std::stoull(text.substr(i + 1, j - i - 1)) + offset);
        i = j - 1;
    }
    return out;
}

std::string buildLog(size_t min_bytes) {
    std::vector<std::string> samples;
    for (const auto& entry : std::filesystem::directory_iterator(GCSCOPE_SAMPLE_LOGS_DIR))
        if (entry.path().extension() == ".log") samples.push_back(readAll(entry.path()));
    std::string log;
    log.reserve(min_bytes + (8u << 20));
    for (unsigned copy = 0; log.size() < min_bytes; ++copy)
        for (const std::string& s : samples) log += withPidOffset(s, copy * 100000u);
    return log;
}

int usage() {
    std::fprintf(stderr,
                 "usage: gcscope-bench-parse [--mb N] [--write FILE] [--threads N] [LOG]\n");
    return 2;
}

double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
    size_t mb = 400;
    unsigned threads = 0;
    std::string write_to, input;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--mb" && i + 1 < argc)
            mb = std::stoul(argv[++i]);
        else if (a == "--write" && i + 1 < argc)
            write_to = argv[++i];
        else if (a == "--threads" && i + 1 < argc)
            threads = unsigned(std::stoul(argv[++i]));
        else if (a.starts_with('-') || !input.empty())
            return usage();  // --help, or a mistyped option: not a log to time
        else
            input = a;
    }
    const std::string log = input.empty() ? buildLog(mb << 20) : readAll(input);
    if (log.empty()) {
        std::fprintf(stderr, "gcscope-bench-parse: %s is empty or unreadable\n", input.c_str());
        return 2;
    }
    if (!write_to.empty()) {
        std::ofstream(write_to, std::ios::binary).write(log.data(), std::streamsize(log.size()));
        std::printf("wrote %s (%.1f MB)\n", write_to.c_str(), log.size() / 1e6);
    }
    const double size_mb = log.size() / 1e6;

    // Baseline: count lines with memchr over the same buffer.
    auto t0 = Clock::now();
    uint64_t lines = 0;
    for (const char* p = log.data();
         (p = static_cast<const char*>(std::memchr(p, '\n', log.data() + log.size() - p))); ++p)
        ++lines;
    auto t1 = Clock::now();
    const double memchr_s = seconds(t0, t1);

    auto run = [&](unsigned n_threads, size_t chunk) {
        CountingSink sink;
        gcscope::parser::StreamParserOptions options;
        options.threads = n_threads;
        gcscope::parser::StreamParser parser(sink, options);
        auto a = Clock::now();
        for (size_t i = 0; i < log.size(); i += chunk)
            parser.feed(std::string_view(log).substr(i, chunk));
        parser.finish();
        auto b = Clock::now();
        const double s = seconds(a, b);
        std::printf(
            "parse %-10s threads=%u chunk=%4zu MiB: %8.1f MB/s  (%.3f s, %llu records, %llu lines, "
            "%.2fx memchr time)\n",
            n_threads == 1 ? "serial" : "parallel",
            n_threads ? n_threads : std::thread::hardware_concurrency(), chunk >> 20, size_mb / s,
            s, (unsigned long long)sink.records, (unsigned long long)parser.stats().lines,
            s / memchr_s);
    };
    std::printf("buffer: %.1f MB, %llu lines\n", size_mb, (unsigned long long)lines);
    std::printf("memchr line count:                  %8.1f MB/s  (%.3f s)\n", size_mb / memchr_s,
                memchr_s);
    run(1, 8u << 20);
    run(threads, 8u << 20);
    return 0;
}
