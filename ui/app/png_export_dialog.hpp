// File → Export chart / dashboard as PNG: which chart, and at the size shown on screen or another.
#pragma once

#include <QDialog>
#include <QSize>
#include <QStringList>

class QComboBox;
class QRadioButton;
class QSpinBox;

namespace gcscope::ui {

class PngExportDialog : public QDialog {
    Q_OBJECT
  public:
    /// `charts` empty: the dashboard (no chart choice). `window_size`: the size on screen of the
    /// dashboard, or of each chart (same order as `charts`).
    PngExportDialog(const QStringList& charts, const QList<QSize>& window_sizes,
                    QWidget* parent = nullptr);

    int chart() const;
    QSize size() const;

  private:
    void updateWindowSize();

    QList<QSize> window_sizes_;
    QComboBox* chart_ = nullptr;
    QRadioButton* window_ = nullptr;
    QRadioButton* custom_ = nullptr;
    QSpinBox* width_ = nullptr;
    QSpinBox* height_ = nullptr;
};

}  // namespace gcscope::ui
