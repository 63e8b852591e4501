// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/atomic_file.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace tracesim::output {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file, int err) {
  throw std::system_error(err, std::generic_category(), "cannot " + what + " '" + file.string() + "'");
}

}  // namespace

/// A buffered stream over a file descriptor: the file is created by mkstemp,
/// and a path could be swapped for a symlink before std::ofstream opened it.
class AtomicFile::FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_{fd} { setp(buffer_, buffer_ + sizeof buffer_); }
  FdBuf(const FdBuf&) = delete;
  FdBuf& operator=(const FdBuf&) = delete;
  ~FdBuf() override { close(); }

  /// Writes what is buffered; false (with errno kept in error()) on failure.
  bool flush_all() {
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        return false;
      }
      p += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return true;
  }
  int close() {
    if (fd_ < 0) return 0;
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }
  [[nodiscard]] int fd() const noexcept { return fd_; }
  [[nodiscard]] int error() const noexcept { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!flush_all()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return flush_all() ? 0 : -1; }

 private:
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

void write_file_atomic(const std::filesystem::path& file, std::string_view content) {
  AtomicFile out{file};
  out.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  out.commit();
}

AtomicFile::AtomicFile(std::filesystem::path file) : file_{std::move(file)} {
  // mkstemp: an unpredictable name, created exclusively (O_EXCL), so never
  // through a symlink another user planted in the folder.
  std::string pattern = (file_.parent_path() / ("." + file_.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) fail("create a temporary file beside", file_, errno);
  temp_ = pattern;
  ::fchmod(fd, 0644);  // mkstemp's 0600 would hide results from the rest of a team
  buf_ = std::make_unique<FdBuf>(fd);
  out_.rdbuf(buf_.get());
}

AtomicFile::~AtomicFile() {
  if (committed_ || temp_.empty()) return;
  out_.rdbuf(nullptr);
  buf_.reset();
  std::error_code ec;
  std::filesystem::remove(temp_, ec);  // best effort: never throw from a destructor
}

void AtomicFile::commit() {
  out_.flush();
  if (!out_ || !buf_->flush_all()) fail("write", temp_, buf_->error() ? buf_->error() : EIO);
  if (::fsync(buf_->fd()) != 0) fail("write", temp_, errno);  // a full disk is seen here, not after the rename
  if (buf_->close() != 0) fail("write", temp_, errno);
  std::error_code ec;
  std::filesystem::rename(temp_, file_, ec);
  if (ec) fail("rename into place", file_, ec.value());
  committed_ = true;
}

OutputFolder::OutputFolder(std::filesystem::path dir) : dir_{std::move(dir)} {
  if (dir_.filename().empty()) dir_ = dir_.parent_path();  // "out/" names the folder "out"
  const std::filesystem::path parent = dir_.has_parent_path() ? dir_.parent_path() : std::filesystem::path{"."};
  std::filesystem::create_directories(parent);  // throws std::system_error
  std::string pattern = (parent / ("." + dir_.filename().string() + ".tmp-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) fail("create a temporary folder beside", dir_, errno);
  temp_ = pattern;
  ::chmod(temp_.c_str(), 0755);  // mkdtemp's 0700 would hide results from the rest of a team
}

OutputFolder::~OutputFolder() {
  if (committed_) return;
  std::error_code ec;
  std::filesystem::remove_all(temp_, ec);  // best effort: never throw from a destructor
}

void OutputFolder::commit() {
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(dir_, ec);
  if (!std::filesystem::exists(status)) {
    std::filesystem::rename(temp_, dir_, ec);
    if (ec) fail("rename into place", dir_, ec.value());
    committed_ = true;
    return;
  }
  if (!std::filesystem::is_directory(status)) fail("replace", dir_, ENOTDIR);
  // One step: readers see the old result or the new one, never a mix.
  if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, dir_.c_str(), RENAME_EXCHANGE) != 0)
    fail("swap the new results into", dir_, errno);
  committed_ = true;
  // temp_ now holds the old result: keep what this run did not rewrite, drop the rest.
  for (const auto& entry : std::filesystem::directory_iterator(temp_, ec)) {
    const auto target = dir_ / entry.path().filename();
    if (!std::filesystem::exists(std::filesystem::symlink_status(target, ec))) std::filesystem::rename(entry.path(), target, ec);
  }
  std::filesystem::remove_all(temp_, ec);
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read '" + file.string() + "'");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace tracesim::output
