#include "connectiondialog.h"

#include "domain/invalidvalue.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/storageerror.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace overseer::ui {

using storage::DatabaseUrl;

namespace {

QString pgpassField(const QString &value)
{
    if (value.isEmpty())
        return u"*"_qs;
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_qs).replace(u':', u"\\:"_qs);
    return escaped;
}

// Runs on a worker thread with its own connection; returns a sentence for the dialog.
QString probe(const DatabaseUrl &url)
{
    try {
        storage::Database::Options options;
        options.connectAttempts = 1;
        storage::Database db(url, options);
        const int version = storage::Migrations::currentVersion(db);
        if (version == storage::Migrations::latestVersion)
            return QObject::tr("Connected: schema version %1, ready.").arg(version);
        if (version == 0)
            return QObject::tr("Connected, but the database has no Overseer schema: run overseerctl migrate.");
        return QObject::tr("Connected, but the schema is version %1 and this console needs %2.")
            .arg(version)
            .arg(storage::Migrations::latestVersion);
    } catch (const storage::StorageError &error) {
        return QObject::tr("Cannot connect: %1").arg(error.message());
    }
}

} // namespace

ConnectionDialog::ConnectionDialog(const QString &currentUrl, QWidget *parent)
    : QDialog(parent)
    , m_profile(new QComboBox(this))
    , m_url(new QLineEdit(currentUrl, this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember in libpq's password file (~/.pgpass)"), this))
    , m_result(new QLabel(this))
    , m_test(new QPushButton(tr("&Test"), this))
{
    setWindowTitle(tr("Connect to a database"));
    m_profile->setEditable(true);
    m_profile->addItem(QString(), QString());
    for (const auto &[name, url] : savedProfiles())
        m_profile->addItem(name, url);
    m_profile->setCurrentText(QString());
    m_profile->lineEdit()->setPlaceholderText(tr("Profile name (to save it)"));
    m_url->setPlaceholderText(u"sqlite:///path/overseer.db  or  postgresql://user@host:5432/db?sslmode=require"_qs);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("PostgreSQL only; leave empty to use ~/.pgpass or PGPASSWORD"));
    m_result->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Profile"), m_profile);
    form->addRow(tr("&Database URL"), m_url);
    form->addRow(tr("Pass&word"), m_password);
    form->addRow(QString(), m_remember);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());

    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(m_profile, &QComboBox::activated, this, &ConnectionDialog::loadProfile);
}

QList<std::pair<QString, QString>> ConnectionDialog::savedProfiles()
{
    QSettings settings;
    settings.beginGroup(u"profiles"_qs);
    QList<std::pair<QString, QString>> profiles;
    for (const QString &name : settings.childKeys())
        profiles.append({name, settings.value(name).toString()});
    return profiles;
}

void ConnectionDialog::saveProfile(const QString &name, const QString &url)
{
    QSettings().setValue(u"profiles/"_qs + name, url);
}

void ConnectionDialog::removeProfile(const QString &name)
{
    QSettings().remove(u"profiles/"_qs + name);
}

QString ConnectionDialog::rememberPassword(const DatabaseUrl &url, const QString &password)
{
    QString path = qEnvironmentVariable("PGPASSFILE");
    if (path.isEmpty())
        path = QDir::homePath() + u"/.pgpass"_qs;
    const QString prefix = pgpassField(url.host()) + u':' + (url.port() > 0 ? QString::number(url.port()) : u"*"_qs) +
                           u':' + pgpassField(url.databaseName()) + u':' + pgpassField(url.user()) + u':';
    QStringList lines;
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly | QIODevice::Text)) {
        for (const QString &line : QString::fromUtf8(existing.readAll()).split(u'\n')) {
            if (!line.isEmpty() && !line.startsWith(prefix))
                lines.append(line);
        }
    }
    lines.append(prefix + pgpassField(password));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("cannot write %1: %2").arg(path, file.errorString());
    file.write((lines.join(u'\n') + u'\n').toUtf8());
    // libpq ignores a password file that others can read.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!file.commit())
        return tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

std::optional<DatabaseUrl> ConnectionDialog::parseInput(QString *error) const
{
    try {
        DatabaseUrl url = DatabaseUrl::parse(m_url->text().trimmed());
        if (!m_password->text().isEmpty()) {
            if (url.dialect() != storage::Dialect::PostgreSQL) {
                *error = tr("A password only applies to PostgreSQL.");
                return std::nullopt;
            }
            url = url.withPassword(m_password->text());
        }
        return url;
    } catch (const domain::InvalidValue &invalid) {
        *error = invalid.message();
        return std::nullopt;
    }
}

void ConnectionDialog::loadProfile(int index)
{
    const QString url = m_profile->itemData(index).toString();
    if (!url.isEmpty())
        m_url->setText(url);
}

void ConnectionDialog::testConnection()
{
    QString error;
    const std::optional<DatabaseUrl> url = parseInput(&error);
    if (!url) {
        m_result->setText(error);
        return;
    }
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting to %1…").arg(url->toDisplayString()));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        m_result->setText(watcher->result());
        m_test->setEnabled(true);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(probe, *url));
}

void ConnectionDialog::accept()
{
    QString error;
    const std::optional<DatabaseUrl> url = parseInput(&error);
    if (!url) {
        m_result->setText(error);
        return;
    }
    if (m_remember->isChecked() && !m_password->text().isEmpty()) {
        if (const QString problem = rememberPassword(*url, m_password->text()); !problem.isEmpty()) {
            m_result->setText(problem);
            return;
        }
    }
    const QString name = m_profile->currentText().trimmed();
    if (!name.isEmpty())
        saveProfile(name, url->toDisplayString());
    m_chosen = url;
    QDialog::accept();
}

} // namespace overseer::ui
