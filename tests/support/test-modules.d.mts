export declare const TEST_MODULES: string
