# Builds the .deb from the build folder with cpack and runs lintian on it: any error (E:) fails.
# Called by the packaging_deb_lintian test with CPACK, LINTIAN, BUILD_DIR and PACKAGE_DIR.
file(REMOVE_RECURSE ${PACKAGE_DIR})
file(MAKE_DIRECTORY ${PACKAGE_DIR})
execute_process(
    COMMAND ${CPACK} -G DEB -B ${PACKAGE_DIR} --config ${BUILD_DIR}/CPackConfig.cmake
    WORKING_DIRECTORY ${BUILD_DIR}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed (${result}):\n${output}")
endif()
file(GLOB packages ${PACKAGE_DIR}/*.deb)
list(LENGTH packages count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "cpack made ${count} packages in ${PACKAGE_DIR}, expected one:\n${output}")
endif()
execute_process(
    COMMAND ${LINTIAN} --no-tag-display-limit ${packages}
    RESULT_VARIABLE result OUTPUT_VARIABLE report ERROR_VARIABLE report)
message("${report}")
if(report MATCHES "(^|\n)E: ")
    message(FATAL_ERROR "lintian reports errors in ${packages}")
endif()
