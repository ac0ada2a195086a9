// The status-bar corner of a followed log: a "live" badge while a log grows, and "Jump to live"
// when the user has zoomed or scrolled away from the newest data.
#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace gcscope::ui {

class LogSession;

class LiveIndicator : public QWidget {
    Q_OBJECT
  public:
    explicit LiveIndicator(LogSession& session, QWidget* parent = nullptr);

    bool badgeShown() const;
    bool jumpShown() const;
    QPushButton* jumpButton() const { return jump_; }

    /// Brings the badge and the button up to date (on the session's signals and a 1 s tick).
    void refresh();

  private:
    LogSession& session_;
    QLabel* badge_;
    QPushButton* jump_;
    QTimer tick_;  ///< the badge goes out when growth stops, which no signal announces
};

}  // namespace gcscope::ui
