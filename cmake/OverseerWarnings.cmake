# Strict flags for every target of the project: overseer_set_strict(target)
function(overseer_set_strict target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Wcast-align -Woverloaded-virtual
                                             # Designated initializers that rely on default member
                                             # values are deliberate; GCC 12 warns about them.
                                             -Wno-missing-field-initializers)
    if(OVERSEER_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                                 QT_USE_QSTRINGBUILDER QT_NO_URL_CAST_FROM_STRING
                                                 QT_NO_CAST_FROM_BYTEARRAY QT_NO_KEYWORDS)
endfunction()
