/** Text files imported whole by Vite (`import text from './file.csv?raw'`). */
declare module '*.csv?raw' {
  const text: string;
  export default text;
}
