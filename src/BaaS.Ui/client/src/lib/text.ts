// Words for people from names in code.

/** `DeliveryMinutes` → `Delivery minutes`, `IsOpen` → `Is open`, `userId` → `User id`. */
export function humanize(name: string): string {
  const words = name.replace(/`\d+$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim()
  if (words.length === 0) return name
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase().replace(/\b(id|url|api|json|csv|sql)\b/g, m => m.toUpperCase())
}

/** `Restaurant` → `Restaurants`, `Delivery` → `Deliveries`. */
export function plural(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return name.slice(0, -1) + 'ies'
  if (/(s|x|z|ch|sh)$/i.test(name)) return name + 'es'
  return name + 's'
}

/** First letter lower case, as the JSON protocol names properties. */
export function camel(name: string): string { return name.length === 0 ? name : name.charAt(0).toLowerCase() + name.slice(1) }
