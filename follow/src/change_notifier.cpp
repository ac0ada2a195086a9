#include "gcscope/follow/change_notifier.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace gcscope::follow {
namespace {

constexpr uint32_t kDirMask = IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_MODIFY |
                              IN_ATTRIB | IN_CLOSE_WRITE | IN_ONLYDIR;
constexpr uint32_t kFileMask =
    IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVE_SELF | IN_DELETE_SELF;

/// File systems where another host may write (statfs f_type, from linux/magic.h and the
/// file systems' sources): inotify sees only this host's writes there.
bool isRemoteFileSystem(const std::string& dir) {
    struct statfs fs;
    if (::statfs(dir.c_str(), &fs) != 0) return true;  // unknown: do not trust the hints
    switch (static_cast<unsigned long>(fs.f_type)) {
        case 0x6969:      // NFS
        case 0x517B:      // SMB
        case 0xFF534D42:  // CIFS
        case 0xFE534D42:  // SMB2
        case 0x65735546:  // FUSE (sshfs, …)
        case 0x00C36400:  // Ceph
        case 0x5346414F:  // AFS
        case 0x01021997:  // 9P
        case 0x73757245:  // Coda
        case 0x7461636F:  // OCFS2
        case 0x01161970:  // GFS2
        case 0x0BD00BD0:  // Lustre
        case 0x564C:      // NCP
            return true;
        default:
            return false;
    }
}

}  // namespace

ChangeNotifier::ChangeNotifier(std::string path) : path_(std::move(path)) {
    std::string dir;
    size_t slash = path_.find_last_of('/');
    if (slash == std::string::npos) {
        dir = ".";
        name_ = path_;
    } else {
        dir = slash == 0 ? "/" : path_.substr(0, slash);
        name_ = path_.substr(slash + 1);
    }
    remote_ = isRemoteFileSystem(dir);
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) return;
    dir_wd_ = ::inotify_add_watch(fd_, dir.c_str(), kDirMask);
    if (dir_wd_ < 0 || name_.empty()) {
        ::close(fd_);
        fd_ = -1;
        return;
    }
    watchFile();
}

ChangeNotifier::~ChangeNotifier() {
    if (fd_ >= 0) ::close(fd_);
}

void ChangeNotifier::watchFile() {
    // Re-adding the watch of the same inode returns the same descriptor. A new file's watch
    // replaces the old one: from then on the follower reads the new file only.
    int wd = ::inotify_add_watch(fd_, path_.c_str(), kFileMask);
    if (wd < 0 || wd == file_wd_) return;
    if (file_wd_ >= 0 && file_wd_ != dir_wd_) ::inotify_rm_watch(fd_, file_wd_);
    file_wd_ = wd;
}

bool ChangeNotifier::drain() {
    if (fd_ < 0) return false;
    bool relevant = false, retarget = false;
    alignas(struct inotify_event) char buf[8192];
    for (;;) {
        ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EAGAIN: drained
        for (ssize_t i = 0; i + ssize_t(sizeof(struct inotify_event)) <= n;) {
            const auto* ev = reinterpret_cast<const struct inotify_event*>(buf + i);
            i += ssize_t(sizeof(struct inotify_event) + ev->len);
            if (ev->mask & IN_Q_OVERFLOW) {
                relevant = retarget = true;  // events lost: assume the worst
            } else if (ev->wd == file_wd_) {
                relevant = true;
                if (ev->mask & IN_IGNORED) file_wd_ = -1;
            } else if (ev->wd == dir_wd_ && ev->len != 0 &&
                       std::strcmp(ev->name, name_.c_str()) == 0) {
                relevant = true;
                if (ev->mask & (IN_CREATE | IN_MOVED_TO)) retarget = true;
            }
        }
    }
    if (retarget || (relevant && file_wd_ < 0)) watchFile();
    return relevant;
}

ChangeNotifier::Wake ChangeNotifier::wait(std::chrono::milliseconds timeout,
                                          const sigset_t* sigmask) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(deadline - Clock::now());
        if (left.count() <= 0) return Wake::Timeout;
        struct timespec ts {
            time_t(left.count() / 1000000000), long(left.count() % 1000000000)
        };
        struct pollfd pfd {
            fd_, POLLIN, 0
        };
        int rc = ::ppoll(fd_ >= 0 ? &pfd : nullptr, fd_ >= 0 ? 1 : 0, &ts, sigmask);
        if (rc < 0) {
            if (errno == EINTR) return Wake::Interrupted;
            return Wake::Timeout;
        }
        if (rc == 0) return Wake::Timeout;
        if (drain()) return Wake::Changed;
    }
}

}  // namespace gcscope::follow
