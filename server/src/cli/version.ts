/** The package version, set by esbuild from package.json (`define`); tests running the tsc output see `dev`. */
declare const __PACKAGE_VERSION__: string | undefined;

export const VERSION: string = typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : 'dev';
