#include "logging/log.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"overseer"_qs);
    QApplication::setOrganizationName(u"overseer"_qs);
    QApplication::setApplicationVersion(QStringLiteral(OVERSEER_VERSION));
    if (const QString problem = overseer::logging::initialize(
            {.program = u"overseer"_qs, .logDirectory = overseer::logging::defaultLogDirectory()});
        !problem.isEmpty())
        overseer::logging::get("app")->warn("{}", problem);

    overseer::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
