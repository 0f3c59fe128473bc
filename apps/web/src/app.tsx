export function App() {
  return <main>Integration Point</main>;
}
