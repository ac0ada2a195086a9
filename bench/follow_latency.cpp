// Following a growing log: how soon `gcscope-cli watch` prints an appended record, and what
// following an unchanged file costs. Baseline from the same run: GNU `tail -n0 -F` on the same
// kind of file (inotify-based, the tool people use for this).
//
//   gcscope-bench-follow [--runs N] [--idle-seconds S]
//
// (a) latency: the record is appended with one write(); the clock stops when its row is read
//     from the child's stdout pipe. Measured for watch (inotify hint + 250 ms poll), watch with
//     GCSCOPE_WATCH_POLL_ONLY=1 (the 50 ms timer alone, as on NFS) and tail -F.
// (b) idle CPU: watch, watch poll-only and tail -F follow an unchanged file for S seconds
// (concurrently); CPU
//     time of each child over that window (/proc/PID/task/*/schedstat) as % of one core, and
//     wait4()'s rusage of the whole run with start-up.
// (c) one in-process FileFollower::poll() of an unchanged file (one stat()), and what polling
//     every 250 ms (the GUI's timer) costs.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "gcscope/follow/file_follower.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

struct Child {
    pid_t pid = -1;
    int out = -1;
    std::string buffered;
    Clock::time_point started;
};

Child spawn(const std::vector<std::string>& args, bool poll_only) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) std::exit(2);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    std::vector<std::string> storage = args;
    std::vector<char*> argv;
    for (auto& a : storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_storage;
    for (char** e = environ; *e; ++e) env_storage.emplace_back(*e);
    if (poll_only) env_storage.emplace_back("GCSCOPE_WATCH_POLL_ONLY=1");
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);
    Child c;
    c.started = Clock::now();
    if (posix_spawn(&c.pid, storage[0].c_str(), &actions, nullptr, argv.data(), envp.data()) != 0) {
        std::fprintf(stderr, "cannot start %s\n", storage[0].c_str());
        std::exit(2);
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    c.out = fds[0];
    return c;
}

/// Reads until the child has printed `lines` more complete lines; false on timeout.
bool readLines(Child& c, int lines, std::chrono::milliseconds timeout = 5000ms) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        size_t nl;
        while (lines > 0 && (nl = c.buffered.find('\n')) != std::string::npos) {
            c.buffered.erase(0, nl + 1);
            --lines;
        }
        if (lines == 0) return true;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return false;
        struct pollfd p {
            c.out, POLLIN, 0
        };
        if (::poll(&p, 1, int(left.count())) <= 0) continue;
        char buf[4096];
        ssize_t n = ::read(c.out, buf, sizeof buf);
        if (n <= 0) return false;
        c.buffered.append(buf, size_t(n));
    }
}

/// CPU time of all threads of `pid` so far, in ns (/proc/PID/task/*/schedstat, first field):
/// lets the idle window be measured without the start-up (exec, first read).
double cpuSeconds(pid_t pid) {
    uint64_t ns = 0;
    std::error_code ec;
    for (const auto& task :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        if (FILE* f = std::fopen((task.path() / "schedstat").c_str(), "r")) {
            unsigned long long v = 0;
            if (std::fscanf(f, "%llu", &v) == 1) ns += v;
            std::fclose(f);
        }
    }
    return double(ns) / 1e9;
}

/// SIGINT, then the child's CPU seconds (user + system) and wall seconds.
std::pair<double, double> stop(Child& c) {
    ::kill(c.pid, SIGINT);
    int status = 0;
    struct rusage ru = {};
    ::wait4(c.pid, &status, 0, &ru);
    double wall = std::chrono::duration<double>(Clock::now() - c.started).count();
    ::close(c.out);
    double cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                 double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    return {cpu, wall};
}

void append(const std::string& path, const std::string& bytes) {
    int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 || ::write(fd, bytes.data(), bytes.size()) != ssize_t(bytes.size())) std::exit(2);
    ::close(fd);
}

std::string record(int n) {
    return "[4242:0x7b03000]   " + std::to_string(1000 + n) +
           " ms: Scavenge 4.7 (5.4) -> 4.0 (6.4) MB, pooled: 0 MB, 0.72 / 0.00 ms  (average mu = "
           "1.000, current mu = 1.000) allocation failure; \n";
}

struct Latency {
    std::vector<double> ms;
    int lost = 0;
};

/// Appends `runs` records one at a time, a random 5-25 ms apart, timing each until its line is
/// read. `ready_lines`: what the child prints before following (watch: header + first row).
Latency measure(const std::vector<std::string>& args, bool poll_only, const std::string& path,
                int ready_lines, int runs) {
    std::filesystem::remove(path);
    append(path, record(0));
    Child c = spawn(args, poll_only);
    Latency l;
    if (ready_lines > 0 && !readLines(c, ready_lines)) {
        std::fprintf(stderr, "%s did not start\n", args[0].c_str());
        std::exit(2);
    }
    std::this_thread::sleep_for(200ms);  // tail prints nothing to wait for: let it set up
    std::mt19937 rng(7);
    for (int i = 1; i <= runs; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + rng() % 21));
        auto t0 = Clock::now();
        append(path, record(i));
        if (!readLines(c, 1, 2000ms)) {
            ++l.lost;
            continue;
        }
        l.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    stop(c);
    return l;
}

void printLatency(const char* what, Latency l) {
    if (l.ms.empty()) {
        std::printf("  %-34s no row arrived (%d lost)\n", what, l.lost);
        return;
    }
    std::sort(l.ms.begin(), l.ms.end());
    double median = l.ms[l.ms.size() / 2];
    double p90 = l.ms[std::min(l.ms.size() - 1, l.ms.size() * 9 / 10)];
    std::printf("  %-34s median %7.2f ms   p90 %7.2f ms   max %7.2f ms   (%zu runs%s)\n", what,
                median, p90, l.ms.back(), l.ms.size(), l.lost ? ", some LOST" : "");
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 50;
    double idle_seconds = 10;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) {
            runs = std::atoi(argv[++i]);
        } else if (a == "--idle-seconds" && i + 1 < argc) {
            idle_seconds = std::atof(argv[++i]);
        } else {
            std::fprintf(stderr, "usage: gcscope-bench-follow [--runs N] [--idle-seconds S]\n");
            return 2;
        }
    }
    ::signal(SIGPIPE, SIG_IGN);
    const std::string cli = GCSCOPE_CLI_PATH;
    const bool have_tail = ::access("/usr/bin/tail", X_OK) == 0;
    char tmpl[] = "/tmp/gcscope-bench-follow-XXXXXX";
    if (!::mkdtemp(tmpl)) return 2;
    const std::string dir = tmpl;
    const std::string log = dir + "/gc.log";

    std::printf("(a) append -> row printed, %d appends 5-25 ms apart, one write() each\n", runs);
    printLatency("gcscope-cli watch", measure({cli, "watch", log}, false, log, 2, runs));
    printLatency("gcscope-cli watch, poll only", measure({cli, "watch", log}, true, log, 2, runs));
    if (have_tail)
        printLatency("baseline: tail -n0 -F",
                     measure({"/usr/bin/tail", "-n0", "-F", log}, false, log, 0, runs));

    std::printf("(b) following an unchanged file for %.0f s, CPU as %% of one core\n",
                idle_seconds);
    const std::string idle_log = dir + "/idle.log";
    append(idle_log, record(0));
    Child watch = spawn({cli, "watch", idle_log}, false);
    readLines(watch, 2);
    Child blind = spawn({cli, "watch", idle_log}, true);
    readLines(blind, 2);
    Child tail;
    if (have_tail) tail = spawn({"/usr/bin/tail", "-n0", "-F", idle_log}, false);
    std::this_thread::sleep_for(300ms);  // past start-up
    const auto window_start = Clock::now();
    const double watch_cpu0 = cpuSeconds(watch.pid);
    const double blind_cpu0 = cpuSeconds(blind.pid);
    const double tail_cpu0 = have_tail ? cpuSeconds(tail.pid) : 0;
    std::this_thread::sleep_for(std::chrono::duration<double>(idle_seconds));
    const double window = std::chrono::duration<double>(Clock::now() - window_start).count();
    const double watch_idle = cpuSeconds(watch.pid) - watch_cpu0;
    const double blind_idle = cpuSeconds(blind.pid) - blind_cpu0;
    const double tail_idle = have_tail ? cpuSeconds(tail.pid) - tail_cpu0 : 0;
    auto [watch_cpu, watch_wall] = stop(watch);
    std::printf("  %-34s %.4f%% (%.2f ms CPU in %.1f s; whole run with start-up: %.2f ms)\n",
                "gcscope-cli watch", 100 * watch_idle / window, watch_idle * 1e3, window,
                watch_cpu * 1e3);
    auto [blind_cpu, blind_wall] = stop(blind);
    std::printf("  %-34s %.4f%% (%.2f ms CPU in %.1f s; whole run with start-up: %.2f ms)\n",
                "gcscope-cli watch, poll only", 100 * blind_idle / window, blind_idle * 1e3, window,
                blind_cpu * 1e3);
    if (have_tail) {
        auto [tail_cpu, tail_wall] = stop(tail);
        std::printf("  %-34s %.4f%% (%.2f ms CPU in %.1f s; whole run with start-up: %.2f ms)\n",
                    "baseline: tail -n0 -F", 100 * tail_idle / window, tail_idle * 1e3, window,
                    tail_cpu * 1e3);
    }
    std::printf(
        "  (watch also polls every 250 ms while inotify is quiet, every 50 ms on network\n"
        "   file systems; tail -F sleeps on inotify alone)\n");

    std::printf("(c) FileFollower::poll() of an unchanged file, in process\n");
    {
        gcscope::follow::FileFollower f(idle_log, [](std::string_view) {}, {});
        f.poll();
        const int n = 200000;
        auto t0 = Clock::now();
        for (int i = 0; i < n; ++i) f.poll();
        double us = std::chrono::duration<double, std::micro>(Clock::now() - t0).count() / n;
        std::printf("  %-34s %.2f us per poll (%.1f syscalls); every 250 ms: %.5f%% of a core\n",
                    "one idle poll", us, double(f.stats().stat_calls - 1) / n, 100 * us / 250e3);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
