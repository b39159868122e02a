// A one-line progress bar for long runs on a terminal: "indexing [#####     ] 52% 780/1500".
// Redraws at most every 100 ms; does nothing when disabled (not a terminal, or --quiet).
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace algreg::indexer {

class ProgressBar {
  public:
    ProgressBar(std::ostream& out, std::string label, bool enabled)
        : out_(out), label_(std::move(label)), enabled_(enabled) {}
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    ~ProgressBar() { finish(); }

    void update(std::size_t done, std::size_t total) {
        if (!enabled_ || total == 0) {
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - last_ < std::chrono::milliseconds(100)) {
            return;
        }
        last_ = now;
        constexpr std::size_t width = 30;
        const std::size_t filled = done * width / total;
        out_ << '\r' << label_ << " [" << std::string(filled, '#')
             << std::string(width - filled, ' ') << "] " << (done * 100 / total) << "% " << done
             << '/' << total << std::flush;
        drawn_ = true;
    }

    void finish() {
        if (drawn_) {
            out_ << '\n' << std::flush;
            drawn_ = false;
        }
    }

  private:
    std::ostream& out_;
    std::string label_;
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

} // namespace algreg::indexer
