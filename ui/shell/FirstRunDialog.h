#pragma once

#include "clinic/ClinicSettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace dermdesk::ui {

// Asks for what a new clinic database needs before anything else: the clinic's name and its time
// zone (default: defaultTimeZoneId(); the list of IANA ids is searchable by any part of the name).
// It accepts only settings that pass ClinicRepository::validate; otherwise it names the field at
// fault, focuses it and stays open. It does not save: the caller does.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FirstRunDialog(const QString &databasePath, QWidget *parent = nullptr);

    // What was entered, with default opening hours (Monday to Friday, 9:00 to 17:00).
    [[nodiscard]] ClinicSettings settings() const;
    // This computer's time zone, as an id the clinic settings accept ("UTC" for aliases such as Etc/UTC).
    [[nodiscard]] static QByteArray defaultTimeZoneId();
    // The message shown for the last refused attempt; empty when none.
    [[nodiscard]] QString errorText() const;

    [[nodiscard]] QLineEdit *nameEdit() const { return m_name; }
    [[nodiscard]] QComboBox *timeZoneBox() const { return m_timeZone; }

    void accept() override;

private:
    void updateZoneHint();

    QLineEdit *m_name = nullptr;
    QComboBox *m_timeZone = nullptr;
    QLabel *m_zoneHint = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace dermdesk::ui
