#pragma once

#include "storage/databaseurl.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLineEdit;
class QLabel;
class QCheckBox;
class QPushButton;

namespace overseer::ui {

/// Chooses the database to watch, with named profiles kept in QSettings. Profiles store the URL
/// without its password; a PostgreSQL password is either typed for this session only or written to
/// libpq's password file (~/.pgpass or $PGPASSFILE, mode 0600) where libpq finds it by itself.
/// "Test" connects on a worker thread, never on the GUI thread.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    explicit ConnectionDialog(const QString &currentUrl, QWidget *parent = nullptr);

    /// The chosen database (password included for this session when one was typed).
    std::optional<storage::DatabaseUrl> chosenUrl() const { return m_chosen; }

    /// Profile name → URL (without password), from QSettings.
    static QList<std::pair<QString, QString>> savedProfiles();
    static void saveProfile(const QString &name, const QString &url);
    static void removeProfile(const QString &name);
    /// Appends or replaces the line for this server in libpq's password file; returns an error text.
    static QString rememberPassword(const storage::DatabaseUrl &url, const QString &password);

private:
    std::optional<storage::DatabaseUrl> parseInput(QString *error) const;
    void testConnection();
    void accept() override;
    void loadProfile(int index);

    QComboBox *m_profile;
    QLineEdit *m_url;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_result;
    QPushButton *m_test;
    std::optional<storage::DatabaseUrl> m_chosen;
};

} // namespace overseer::ui
