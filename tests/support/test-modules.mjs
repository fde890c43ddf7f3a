// Community modules compiled into the test build (DENTALPIN_MODULES).
export const TEST_MODULES = ['tests/fixtures/sample_base', 'tests/fixtures/sample_module', 'tests/fixtures/sample_broken'].join(',')
