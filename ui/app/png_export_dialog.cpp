#include "app/png_export_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace gcscope::ui {

PngExportDialog::PngExportDialog(const QStringList& charts, const QList<QSize>& window_sizes,
                                 QWidget* parent)
    : QDialog(parent), window_sizes_(window_sizes) {
    setWindowTitle(charts.isEmpty() ? tr("Export dashboard as PNG") : tr("Export chart as PNG"));
    auto* form = new QFormLayout;
    if (!charts.isEmpty()) {
        chart_ = new QComboBox(this);
        chart_->addItems(charts);
        form->addRow(tr("Chart:"), chart_);
        connect(chart_, &QComboBox::currentIndexChanged, this, &PngExportDialog::updateWindowSize);
    }
    window_ = new QRadioButton(this);
    custom_ = new QRadioButton(tr("Custom:"), this);
    width_ = new QSpinBox(this);
    height_ = new QSpinBox(this);
    for (QSpinBox* box : {width_, height_}) {
        box->setRange(16, 16384);
        box->setSuffix(tr(" px"));
    }
    width_->setValue(1600);
    height_->setValue(900);
    auto* custom_row = new QHBoxLayout;
    custom_row->addWidget(custom_);
    custom_row->addWidget(width_);
    custom_row->addWidget(new QLabel(QStringLiteral("×"), this));
    custom_row->addWidget(height_);
    custom_row->addStretch();
    form->addRow(tr("Size:"), window_);
    form->addRow(QString(), custom_row);
    window_->setChecked(true);
    auto enable = [this] {
        width_->setEnabled(custom_->isChecked());
        height_->setEnabled(custom_->isChecked());
    };
    connect(custom_, &QRadioButton::toggled, this, enable);
    enable();
    updateWindowSize();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

int PngExportDialog::chart() const {
    return chart_ ? chart_->currentIndex() : -1;
}

QSize PngExportDialog::size() const {
    if (custom_->isChecked()) return {width_->value(), height_->value()};
    const int i = std::max(chart(), 0);
    return i < window_sizes_.size() ? window_sizes_[i] : QSize(1600, 900);
}

void PngExportDialog::updateWindowSize() {
    const int i = std::max(chart(), 0);
    const QSize s = i < window_sizes_.size() ? window_sizes_[i] : QSize();
    window_->setText(tr("As shown (%1 × %2)").arg(s.width()).arg(s.height()));
}

}  // namespace gcscope::ui
