#pragma once

#include <QCoreApplication>
#include <QTest>

/// main() for a QtTest class that needs no display. QT_QPA_PLATFORM defaults to offscreen so the
/// same binary runs on a desktop, in CI and under ctest alike.
#define OVERSEER_TEST_MAIN(TestClass)                                                                                  \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))                                                             \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                                   \
        QCoreApplication app(argc, argv);                                                                              \
        TestClass test;                                                                                                \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }

// Only where the test links Qt Widgets (overseer_ui) is QApplication on the include path.
#if __has_include(<QApplication>)
#include <QApplication>

/// main() for a QtTest class that builds widgets: a QApplication, on the offscreen platform unless
/// QT_QPA_PLATFORM says otherwise (link overseer_ui or Qt6::Widgets).
#define OVERSEER_GUI_TEST_MAIN(TestClass)                                                                              \
    int main(int argc, char *argv[])                                                                                   \
    {                                                                                                                  \
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))                                                             \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                                   \
        QApplication app(argc, argv);                                                                                  \
        TestClass test;                                                                                                \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&test, argc, argv);                                                                        \
    }
#endif
