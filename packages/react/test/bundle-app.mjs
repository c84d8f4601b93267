// Builds (or serves) the consumer app of bundlers.e2e.test.ts the way a developer's own shell
// would: in a process of its own, with no NODE_ENV inherited from the test runner (Vite, for one,
// lets an inherited NODE_ENV decide what its production build keeps).
//
//   node bundle-app.mjs vite-dev <project>                 prints the dev server's URL, serves until stdin closes
//   node bundle-app.mjs vite-build <project> <outDir>
//   node bundle-app.mjs webpack-development <project> <outDir>
//   node bundle-app.mjs webpack-production <project> <outDir>
import { createRequire } from 'node:module';
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';

const [task, project, outDir = ''] = process.argv.slice(2);
if (!project) throw new Error('usage: node bundle-app.mjs <task> <project> [outDir]');

if (task === 'vite-dev') {
  const { createServer } = await import('vite');
  const server = await createServer({
    root: project,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0 },
    // Pre-bundled up front, as the dependency scan would find them: no reload halfway through.
    optimizeDeps: {
      include: ['react', 'react-dom/client', '@flinks-embed/core', '@flinks-embed/react'],
      noDiscovery: true,
    },
  });
  await server.listen();
  console.log(server.resolvedUrls?.local[0]);
  process.stdin.resume();
  process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
} else if (task === 'vite-build') {
  const { build } = await import('vite');
  await build({ root: project, configFile: false, logLevel: 'silent', build: { outDir } });
} else if (task === 'webpack-development' || task === 'webpack-production') {
  const { default: webpack } = await import('webpack');
  // webpack's own default minimizer (what production mode uses), told to skip the React chunk:
  // minifying react-dom takes half a minute on a busy two-core machine and says nothing about
  // this library, whose code it still minifies as any app's production build does.
  const fromWebpack = createRequire(realpathSync(dirname(createRequire(import.meta.url).resolve('webpack'))));
  const { default: MinimizerPlugin } = await import(fromWebpack.resolve('minimizer-webpack-plugin'));
  const production = task === 'webpack-production';
  /** @type {import('webpack').Stats} */
  const stats = await new Promise((done, fail) =>
    webpack(
      {
        mode: production ? 'production' : 'development',
        context: project,
        entry: './src/main.js',
        output: { path: outDir, filename: '[name].js' },
        // Plain text instead of eval() strings, so the output can be searched; same code either way.
        devtool: false,
        optimization: {
          splitChunks: {
            cacheGroups: {
              react: {
                test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
                name: 'react',
                chunks: 'all',
              },
            },
          },
          ...(production && { minimizer: [new MinimizerPlugin({ exclude: /^react\.js$/ })] }),
        },
      },
      (error, result) => (error || !result ? fail(error) : done(result)),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
} else {
  throw new Error(`unknown task ${task}`);
}
